import { ReferralFeedbackPage } from '../features/offers/ReferralFeedbackPage.tsx';
import { mountPublicPage } from './mount.tsx';

mountPublicPage(ReferralFeedbackPage);
