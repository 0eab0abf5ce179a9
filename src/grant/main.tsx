/**
 * The page that asks the reader to let Gloss read one site (`?site=<match pattern>`), opened by
 * the background when the reader chooses "Keep notes on this site" in a page.
 */
import '../ui/styles.css';
import { mountSiteAccess } from '../ui/site-access/SiteAccessPage';

mountSiteAccess();
