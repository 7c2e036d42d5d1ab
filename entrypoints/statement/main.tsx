import { render } from 'preact';
import { followSystemTheme } from '../../components/theme';
import { pageLanguage } from '../../components/page-language';
import { Statement } from '../../components/Statement';
import './style.css';

pageLanguage();
followSystemTheme((theme) => {
  document.documentElement.dataset.theme = theme;
});
render(<Statement organization={new URLSearchParams(location.search).get('org') ?? undefined} />, document.getElementById('app')!);
