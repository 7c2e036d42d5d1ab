// Parse HTML into a Document with either DOM the project uses: happy-dom (as in the browser
// tests) or linkedom (as in the CLI). The reader must give the same answer in both.
import { parseHTML } from 'linkedom';

export function happyDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function linkedDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
