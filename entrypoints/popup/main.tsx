import { render } from 'preact';
import { pageLanguage } from '../../components/page-language';
import { followSystemTheme } from '../../components/theme';
import { Popup } from '../../components/Popup';
import './style.css';

pageLanguage();
followSystemTheme((theme) => {
  document.documentElement.dataset.theme = theme;
});
render(<Popup />, document.getElementById('app')!);
