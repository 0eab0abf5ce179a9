/** The toolbar popup: the Gloss UI for the active tab (or `?tab=<id>`). */
import '../ui/styles.css';
import { mount } from '../ui/mount';

mount('popup');
