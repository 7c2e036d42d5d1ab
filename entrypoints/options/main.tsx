import { render } from 'preact';
import { pageLanguage } from '../../components/page-language';
import { followSystemTheme } from '../../components/theme';
import { Options } from '../../components/Options';
import '../popup/style.css';
import './style.css';

pageLanguage();
followSystemTheme((theme) => {
  document.documentElement.dataset.theme = theme;
});
render(<Options />, document.getElementById('app')!);
