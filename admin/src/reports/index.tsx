import { reactRouterProvider } from 'react-admin';
import { ReportFormPage } from './ReportFormPage';
import { ReportSummaryPage } from './ReportSummaryPage';

/** react-admin's own router's Route (react-router is react-admin's dependency, not ours). */
const { Route } = reactRouterProvider;

/** The report pages hang under their plan: `/plans/:id/reports/:deadline` (a recipient's form) and `…/summary` (the issuer's). */
export const reportRoutes = [
  <Route key="report-form" path="/plans/:id/reports/:deadline" element={<ReportFormPage />} />,
  <Route key="report-summary" path="/plans/:id/reports/:deadline/summary" element={<ReportSummaryPage />} />,
];
