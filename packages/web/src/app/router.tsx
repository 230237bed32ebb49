import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, useParams } from 'react-router';
import { NotFoundPage, RouteErrorPage } from '../ui/ErrorPages.tsx';
import { AuthRoot, RequireSession, usePermissions } from './auth.tsx';
import { canUse, type Feature } from './features.ts';
import { Shell } from './Shell.tsx';

/**
 * Every page is its own chunk, loaded when its route is first visited. React Router resolves `lazy`
 * before it commits the navigation, so the old page stays until the new one can render, and the
 * shell's focus move finds the new page's heading. The sign-in page loads none of the other pages'
 * code, and ECharts loads only with the pages that draw charts.
 */
function page(load: () => Promise<ComponentType>, feature?: Feature['id']) {
  return async () => {
    const Page = await load();
    return {
      element: feature ? (
        <FeatureRoute feature={feature}>
          <Page />
        </FeatureRoute>
      ) : (
        <Page />
      ),
    };
  };
}

/** A public page, which takes its one-time token as a property (it also runs without the router). */
function withToken(Page: ComponentType<{ token: string }>): ComponentType {
  return function PublicPage() {
    const { token = '' } = useParams();
    return <Page token={token} />;
  };
}

/**
 * A page for one feature: users without access get the same answer as for an unknown address
 * ("not found" and "not allowed" look alike).
 */
function FeatureRoute({ feature, children }: { feature: Feature['id']; children: ReactNode }) {
  return canUse(usePermissions(), feature) ? children : <NotFoundPage />;
}

export const router = createBrowserRouter([
  {
    element: <AuthRoot />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <Shell />,
        children: [
          {
            path: 'anmelden',
            lazy: page(() => import('../features/account/SignInPage.tsx').then((m) => m.SignInPage)),
          },
          {
            path: 'einladung/:token',
            lazy: page(() => import('../features/account/TokenPage.tsx').then((m) => m.TokenPage)),
          },
          // Opened from a link, these two load their own entry (see main.tsx); the routes serve a
          // navigation inside the app, which then shows them in the staff frame.
          {
            path: 'selbsteinschaetzung/:token',
            lazy: page(() =>
              import('../features/instruments/SelfAssessmentPage.tsx').then((m) =>
                withToken(m.SelfAssessmentPage),
              ),
            ),
          },
          {
            path: 'rueckmeldung/:token',
            lazy: page(() =>
              import('../features/network/ReferralFeedbackPage.tsx').then((m) =>
                withToken(m.ReferralFeedbackPage),
              ),
            ),
          },
          {
            path: 'zwei-faktor-einrichten',
            lazy: page(() => import('../features/account/MfaEnrollPage.tsx').then((m) => m.MfaEnrollPage)),
          },
          {
            element: <RequireSession />,
            children: [
              {
                index: true,
                lazy: page(() => import('../features/home/HomePage.tsx').then((m) => m.HomePage)),
              },
              {
                path: 'konto',
                lazy: page(() => import('../features/account/AccountPage.tsx').then((m) => m.AccountPage)),
              },
              {
                path: 'verwaltung/benutzer',
                lazy: page(
                  () => import('../features/administration/UsersPage.tsx').then((m) => m.UsersPage),
                  'users',
                ),
              },
              {
                path: 'verwaltung/sozialraeume',
                lazy: page(
                  () => import('../features/administration/DistrictsPage.tsx').then((m) => m.DistrictsPage),
                  'districts',
                ),
              },
              {
                path: 'verwaltung/einstellungen',
                lazy: page(
                  () => import('../features/administration/SettingsPage.tsx').then((m) => m.SettingsPage),
                  'settings',
                ),
              },
              // Case work
              {
                path: 'meine-faelle',
                lazy: page(
                  () => import('../features/casework/CaseloadPage.tsx').then((m) => m.CaseloadPage),
                  'caseload',
                ),
              },
              {
                path: 'klienten',
                lazy: page(
                  () => import('../features/casework/ClientsPage.tsx').then((m) => m.ClientsPage),
                  'clients',
                ),
              },
              {
                path: 'klienten/neu',
                lazy: page(
                  () => import('../features/casework/NewClientPage.tsx').then((m) => m.NewClientPage),
                  'caseload',
                ),
              },
              {
                path: 'klienten/import',
                lazy: page(
                  () => import('../features/casework/ImportPage.tsx').then((m) => m.ImportPage),
                  'caseload',
                ),
              },
              {
                path: 'klienten/:id',
                lazy: page(
                  () => import('../features/casework/ClientPage.tsx').then((m) => m.ClientPage),
                  'clients',
                ),
              },
              // Offers and network
              {
                path: 'angebote',
                lazy: page(
                  () => import('../features/network/OffersPage.tsx').then((m) => m.OffersPage),
                  'offers',
                ),
              },
              {
                path: 'angebote/:id',
                lazy: page(
                  () => import('../features/network/OfferPage.tsx').then((m) => m.OfferPage),
                  'offers',
                ),
              },
              {
                path: 'netzwerk/partner',
                lazy: page(
                  () => import('../features/network/PartnersPage.tsx').then((m) => m.PartnersPage),
                  'partners',
                ),
              },
              {
                path: 'netzwerk/partner/:id',
                lazy: page(
                  () => import('../features/network/PartnersPage.tsx').then((m) => m.PartnerPage),
                  'partners',
                ),
              },
              {
                path: 'angebotsplanung',
                lazy: page(
                  () => import('../features/network/PlanningPage.tsx').then((m) => m.PlanningPage),
                  'planning',
                ),
              },
              {
                path: 'veranstaltungen',
                lazy: page(
                  () => import('../features/network/EventsPage.tsx').then((m) => m.EventsPage),
                  'events',
                ),
              },
              {
                path: 'material',
                lazy: page(
                  () => import('../features/network/PublicationsPage.tsx').then((m) => m.PublicationsPage),
                  'publications',
                ),
              },
              // Instruments and assessments
              {
                path: 'klienten/:id/erhebung',
                lazy: page(
                  () =>
                    import('../features/instruments/AssessmentPages.tsx').then((m) => m.NewAssessmentPage),
                  'assessments',
                ),
              },
              {
                path: 'verwaltung/erhebungsboegen',
                lazy: page(
                  () => import('../features/instruments/InstrumentsPage.tsx').then((m) => m.InstrumentsPage),
                  'instruments',
                ),
              },
              {
                path: 'verwaltung/erhebungsboegen/:id',
                lazy: page(
                  () =>
                    import('../features/instruments/InstrumentEditorPage.tsx').then(
                      (m) => m.InstrumentEditorPage,
                    ),
                  'instruments',
                ),
              },
              {
                path: 'erhebungen/:id',
                lazy: page(
                  () => import('../features/instruments/AssessmentPages.tsx').then((m) => m.AssessmentPage),
                  'assessments',
                ),
              },
              // Programmes and funding
              {
                path: 'programme',
                lazy: page(
                  () => import('../features/programmes/ProgrammesPage.tsx').then((m) => m.ProgrammesPage),
                  'programmes',
                ),
              },
              {
                path: 'programme/:id',
                lazy: page(
                  () => import('../features/programmes/ProgrammePage.tsx').then((m) => m.ProgrammePage),
                  'programmes',
                ),
              },
              // Evaluation
              {
                path: 'wirkung',
                lazy: page(
                  () => import('../features/evaluation/EvaluationPage.tsx').then((m) => m.default),
                  'evaluation',
                ),
              },
              {
                path: 'protokoll',
                lazy: page(
                  () => import('../features/administration/AuditPage.tsx').then((m) => m.AuditPage),
                  'audit',
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
