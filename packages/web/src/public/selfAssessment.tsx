import { SelfAssessmentPage } from '../features/assessments/SelfAssessmentPage.tsx';
import { mountPublicPage } from './mount.tsx';

mountPublicPage(SelfAssessmentPage);
