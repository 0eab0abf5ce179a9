/** The side panel (Chrome side_panel, Firefox sidebar_action): the Gloss UI, following the active tab. */
import '../ui/styles.css';
import { mount } from '../ui/mount';

mount('sidepanel');
