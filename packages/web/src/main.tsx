import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';

/**
 * Picks what this page loads. The client's public pages behind a one-time link (self-assessment,
 * referral feedback) have an entry of their own, without the staff app's router, react-aria and texts:
 * they are opened on phones, often on slow connections. Everything else is the staff app. The server
 * answers every page address with this index.html, so the choice is made here, from the address.
 */
const path = window.location.pathname;
if (/^\/selbsteinschaetzung\/[^/]+\/?$/.test(path)) void import('./public/selfAssessment.tsx');
else if (/^\/rueckmeldung\/[^/]+\/?$/.test(path)) void import('./public/referralFeedback.tsx');
else void import('./app/main.tsx');
