import { ReferralFeedbackPage } from '../features/network/ReferralFeedbackPage.tsx';
import { mountPublicPage } from './mount.tsx';

mountPublicPage(ReferralFeedbackPage);
