import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AssessmentPage, NewAssessmentPage } from '../features/assessments/AssessmentPages.tsx';
import { SelfAssessmentPage } from '../features/assessments/SelfAssessmentPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { MfaEnrollPage } from '../features/auth/MfaEnrollPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { TokenPage } from '../features/auth/TokenPage.tsx';
import { CaseloadPage } from '../features/caseload/CaseloadPage.tsx';
import { ClientPage } from '../features/clients/ClientPage.tsx';
import { ClientsPage } from '../features/clients/ClientsPage.tsx';
import { ImportPage } from '../features/clients/ImportPage.tsx';
import { NewClientPage } from '../features/clients/NewClientPage.tsx';
import { DistrictsPage } from '../features/districts/DistrictsPage.tsx';
import { NotFoundPage, RouteErrorPage } from '../features/errors/ErrorPages.tsx';
import { EventsPage } from '../features/events/EventsPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { InstrumentEditorPage } from '../features/instruments/InstrumentEditorPage.tsx';
import { InstrumentsPage } from '../features/instruments/InstrumentsPage.tsx';
import { PartnerPage, PartnersPage } from '../features/network/PartnersPage.tsx';
import { OfferPage } from '../features/offers/OfferPage.tsx';
import { OffersPage } from '../features/offers/OffersPage.tsx';
import { ReferralFeedbackPage } from '../features/offers/ReferralFeedbackPage.tsx';
import { PlanningPage } from '../features/planning/PlanningPage.tsx';
import { ProgrammePage } from '../features/programmes/ProgrammePage.tsx';
import { ProgrammesPage } from '../features/programmes/ProgrammesPage.tsx';
import { PublicationsPage } from '../features/publications/PublicationsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { Loading } from '../ui/Page.tsx';
import { AuthRoot, RequireSession, useUser } from './auth.tsx';
import { canUse, type Feature } from './features.ts';
import { Shell } from './Shell.tsx';

/** The dashboard (and ECharts with it) loads only when someone opens it. */
const EvaluationPage = lazy(() => import('../features/evaluation/EvaluationPage.tsx'));

function PageLoading() {
  const { t } = useTranslation();
  return <Loading label={t('common.loading')} />;
}

/**
 * A page for one feature: users without access get the same answer as for an unknown address
 * ("not found" and "not allowed" look alike).
 */
function FeatureRoute({ feature, children }: { feature: Feature['id']; children: ReactNode }) {
  const user = useUser();
  return canUse(user, feature) ? children : <NotFoundPage />;
}

export const router = createBrowserRouter([
  {
    element: <AuthRoot />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <Shell />,
        children: [
          { path: 'anmelden', element: <SignInPage /> },
          { path: 'einladung/:token', element: <TokenPage /> },
          { path: 'selbsteinschaetzung/:token', element: <SelfAssessmentPage /> },
          { path: 'rueckmeldung/:token', element: <ReferralFeedbackPage /> },
          { path: 'zwei-faktor-einrichten', element: <MfaEnrollPage /> },
          {
            element: <RequireSession />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'konto', element: <AccountPage /> },
              {
                path: 'verwaltung/benutzer',
                element: (
                  <FeatureRoute feature="users">
                    <UsersPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'verwaltung/sozialraeume',
                element: (
                  <FeatureRoute feature="districts">
                    <DistrictsPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'verwaltung/einstellungen',
                element: (
                  <FeatureRoute feature="settings">
                    <SettingsPage />
                  </FeatureRoute>
                ),
              },
              // Case work (issue 4)
              {
                path: 'meine-faelle',
                element: (
                  <FeatureRoute feature="caseload">
                    <CaseloadPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'klienten',
                element: (
                  <FeatureRoute feature="clients">
                    <ClientsPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'klienten/neu',
                element: (
                  <FeatureRoute feature="caseload">
                    <NewClientPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'klienten/import',
                element: (
                  <FeatureRoute feature="caseload">
                    <ImportPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'klienten/:id',
                element: (
                  <FeatureRoute feature="clients">
                    <ClientPage />
                  </FeatureRoute>
                ),
              },
              // Offers and network (issue 5)
              {
                path: 'angebote',
                element: (
                  <FeatureRoute feature="offers">
                    <OffersPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'angebote/:id',
                element: (
                  <FeatureRoute feature="offers">
                    <OfferPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'netzwerk/partner',
                element: (
                  <FeatureRoute feature="partners">
                    <PartnersPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'netzwerk/partner/:id',
                element: (
                  <FeatureRoute feature="partners">
                    <PartnerPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'angebotsplanung',
                element: (
                  <FeatureRoute feature="planning">
                    <PlanningPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'veranstaltungen',
                element: (
                  <FeatureRoute feature="events">
                    <EventsPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'material',
                element: (
                  <FeatureRoute feature="publications">
                    <PublicationsPage />
                  </FeatureRoute>
                ),
              },
              // Instruments and assessments (issue 3)
              {
                path: 'klienten/:id/erhebung',
                element: (
                  <FeatureRoute feature="assessments">
                    <NewAssessmentPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'verwaltung/erhebungsboegen',
                element: (
                  <FeatureRoute feature="instruments">
                    <InstrumentsPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'verwaltung/erhebungsboegen/:id',
                element: (
                  <FeatureRoute feature="instruments">
                    <InstrumentEditorPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'erhebungen/:id',
                element: (
                  <FeatureRoute feature="assessments">
                    <AssessmentPage />
                  </FeatureRoute>
                ),
              },
              // Programmes and funding (issue 6)
              {
                path: 'programme',
                element: (
                  <FeatureRoute feature="programmes">
                    <ProgrammesPage />
                  </FeatureRoute>
                ),
              },
              {
                path: 'programme/:id',
                element: (
                  <FeatureRoute feature="programmes">
                    <ProgrammePage />
                  </FeatureRoute>
                ),
              },
              // Evaluation (issue 11)
              {
                path: 'wirkung',
                element: (
                  <FeatureRoute feature="evaluation">
                    <Suspense fallback={<PageLoading />}>
                      <EvaluationPage />
                    </Suspense>
                  </FeatureRoute>
                ),
              },
              {
                path: 'protokoll',
                element: (
                  <FeatureRoute feature="audit">
                    <AuditPage />
                  </FeatureRoute>
                ),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
