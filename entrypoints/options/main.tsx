import { render } from 'preact';
import { Options } from '../../components/Options';
import '../popup/style.css';
import './style.css';

render(<Options />, document.getElementById('app')!);
