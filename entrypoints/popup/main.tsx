import { render } from 'preact';
import { followSystemTheme } from '../../components/theme';
import { Popup } from '../../components/Popup';
import './style.css';

followSystemTheme((theme) => {
  document.documentElement.dataset.theme = theme;
});
render(<Popup />, document.getElementById('app')!);
