import { SelfAssessmentPage } from '../features/instruments/SelfAssessmentPage.tsx';
import { mountPublicPage } from './mount.tsx';

mountPublicPage(SelfAssessmentPage);
