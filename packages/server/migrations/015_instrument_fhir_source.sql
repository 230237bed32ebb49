-- The canonical url and version of the FHIR Questionnaire an instrument version was imported from, so
-- QuestionnaireResponses from the source system (which cite "url|version") find the version here.
-- NULL for instruments made in Lotse: their responses cite urn:lotse:instrument:<key>|<version>.
ALTER TABLE instruments ADD COLUMN fhir_url text CHECK (length(fhir_url) <= 2000);
ALTER TABLE instruments ADD COLUMN fhir_version text CHECK (length(fhir_version) <= 200);
CREATE INDEX instruments_fhir_url_idx ON instruments (fhir_url) WHERE fhir_url IS NOT NULL;
