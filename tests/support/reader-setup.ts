// Reads in unit tests that name no locale try the CLI's candidate locales, as the audit of saved
// pages does (the extension always reads in the browser's languages).
import { CANDIDATE_LOCALES } from '../../lib/dashboard/candidate-locales';
import { setDefaultCandidates } from '../../lib/dashboard/dates';

setDefaultCandidates(CANDIDATE_LOCALES);
