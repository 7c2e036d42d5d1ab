// How an organization is named in the popup and options: its name, or its key where two
// organizations share a name ("Personal (2)", see lib/ledger/schema.ts freeOrgKey).
import { keyFitsName } from '../lib/ledger/keys';
import { t } from './format';

export function orgLabel(o: { key: string; name: string | null }): string {
  if (o.name === null) return t('popup.notNamed');
  return o.key !== o.name && keyFitsName(o.key, o.name) ? o.key : o.name;
}
