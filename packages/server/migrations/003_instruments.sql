-- Instruments: versioned questionnaires stored as JSON (validated by the zod schema in
-- packages/domain/src/instruments). A row is one version; published versions are immutable.
-- agency_id NULL = a system instrument every agency may read and use (the default Teilhabe-Bogen);
-- agencies create their own drafts and versions.

CREATE TABLE instruments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid REFERENCES agencies (id),
  key           text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  version       integer NOT NULL CHECK (version >= 1),
  status        text NOT NULL CHECK (status IN ('draft', 'published')),
  definition    jsonb NOT NULL,
  based_on_id   uuid REFERENCES instruments (id),
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  published_by  uuid REFERENCES users (id),
  published_at  timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE UNIQUE INDEX instruments_version_key
  ON instruments (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid), key, version);
CREATE INDEX instruments_agency_idx ON instruments (agency_id, key);

-- Published versions never change and are never deleted: assessments point to the exact version.
CREATE FUNCTION lotse_instrument_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'instrument version % is published and immutable', OLD.id
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER instruments_immutable BEFORE UPDATE OR DELETE ON instruments
  FOR EACH ROW EXECUTE FUNCTION lotse_instrument_immutable();

-- System instruments are readable by every agency but changeable by none (only by migrations).
ALTER TABLE instruments ENABLE ROW LEVEL SECURITY;
CREATE POLICY instruments_read ON instruments FOR SELECT
  USING (agency_id IS NULL OR agency_id = lotse_current_agency());
CREATE POLICY instruments_insert ON instruments FOR INSERT
  WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY instruments_update ON instruments FOR UPDATE
  USING (agency_id = lotse_current_agency()) WITH CHECK (agency_id = lotse_current_agency());
CREATE POLICY instruments_delete ON instruments FOR DELETE
  USING (agency_id = lotse_current_agency());

-- The default instrument "Teilhabe-Bogen", version 1, in every installation. Generated from
-- packages/domain/src/instruments/teilhabe-bogen.ts (a unit test keeps both identical).
INSERT INTO instruments (id, agency_id, key, version, status, definition, created_at, updated_at, published_at)
VALUES ('7e11ab0e-0000-4000-8000-000000000001', NULL, 'teilhabe_bogen', 1, 'published',
$teilhabe_bogen_v1$
{
 "title": {
  "de": "Teilhabe-Bogen",
  "de-LS": "Teilhabe-Bogen",
  "en": "Participation Questionnaire"
 },
 "description": {
  "de": "Erhebungsbogen zur sozialen Teilhabe in zwölf Lebensbereichen, als Selbst- und Fremdeinschätzung. Bereichswerte 0-100 (höher = bessere Teilhabe), Teilhabebedarf unter 50. Die Referenzwerte (Standardabweichung, Reliabilität) für den Reliable Change Index sind vorläufige Annahmen und werden nach der Erprobung durch empirische Werte ersetzt.",
  "de-LS": "Mit diesem Bogen schauen wir auf 12 Bereiche in Ihrem Leben. Sie sagen, wie es Ihnen geht. Ihre Lotsin oder Ihr Lotse sagt es auch.",
  "en": "Questionnaire on social participation in twelve life areas, as self- and professional assessment. Area scores 0-100 (higher = better participation), need below 50. The reference values (standard deviation, reliability) for the Reliable Change Index are provisional assumptions, to be replaced by empirical values after piloting."
 },
 "scoring": {
  "needThreshold": 50,
  "minAnsweredShare": 0.5,
  "minDimensionShare": 0.75,
  "rciCriterion": 1.96,
  "followUpMonths": 6
 },
 "dimensions": [
  {
   "key": "health",
   "kind": "area",
   "title": {
    "de": "Gesundheit",
    "de-LS": "Gesundheit",
    "en": "Health"
   },
   "help": {
    "de": "Körperliche und psychische Gesundheit sowie Gesundheitsverhalten.",
    "de-LS": "Wie geht es Ihrem Körper? Wie geht es Ihrer Seele?",
    "en": "Physical and mental health and health behaviour."
   },
   "reference": {
    "sd": 20,
    "reliability": 0.78
   },
   "items": [
    {
     "key": "health_physical",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich fühle mich körperlich gesund genug für meinen Alltag.",
       "de-LS": "Mein Körper ist gesund genug für meinen Alltag.",
       "en": "I feel physically healthy enough for my everyday life."
      },
      "professional": {
       "de": "Die Person ist körperlich gesund genug für ihren Alltag.",
       "de-LS": "Der Körper von der Person ist gesund genug für den Alltag.",
       "en": "The person is physically healthy enough for everyday life."
      }
     }
    },
    {
     "key": "health_mental_strain",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich fühle mich oft niedergeschlagen oder ängstlich.",
       "de-LS": "Ich bin oft traurig. Oder ich habe oft Angst.",
       "en": "I often feel down or anxious."
      },
      "professional": {
       "de": "Die Person wirkt oft niedergeschlagen oder ängstlich.",
       "de-LS": "Die Person ist oft traurig. Oder sie hat oft Angst.",
       "en": "The person often seems down or anxious."
      }
     },
     "help": {
      "de": "Gemeint sind die letzten vier Wochen.",
      "de-LS": "Denken Sie an die letzten 4 Wochen.",
      "en": "Think of the last four weeks."
     }
    },
    {
     "key": "health_behaviour",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich achte auf meine Gesundheit (z. B. Schlaf, Ernährung, Bewegung).",
       "de-LS": "Ich passe auf meine Gesundheit auf. Ich schlafe genug. Ich esse gut. Ich bewege mich.",
       "en": "I look after my health (e.g. sleep, food, exercise)."
      },
      "professional": {
       "de": "Die Person achtet auf ihre Gesundheit (z. B. Schlaf, Ernährung, Bewegung).",
       "de-LS": "Die Person passt auf ihre Gesundheit auf.",
       "en": "The person looks after their health (e.g. sleep, food, exercise)."
      }
     }
    },
    {
     "key": "health_care_access",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Wenn ich gesundheitliche Hilfe brauche, bekomme ich sie.",
       "de-LS": "Wenn ich krank bin, bekomme ich Hilfe.",
       "en": "When I need medical help, I get it."
      },
      "professional": {
       "de": "Die Person nimmt gesundheitliche Hilfe in Anspruch, wenn sie sie braucht.",
       "de-LS": "Die Person holt sich Hilfe, wenn sie krank ist.",
       "en": "The person uses medical help when they need it."
      }
     }
    },
    {
     "key": "health_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "daily_structure",
   "kind": "area",
   "title": {
    "de": "Tagesstruktur und Mobilität",
    "de-LS": "Mein Tag und unterwegs sein",
    "en": "Daily structure and mobility"
   },
   "help": {
    "de": "Tagesablauf, Aktivität und Mobilität.",
    "de-LS": "Wie sieht Ihr Tag aus? Kommen Sie gut von A nach B?",
    "en": "Daily routine, activity and mobility."
   },
   "reference": {
    "sd": 19,
    "reliability": 0.74
   },
   "items": [
    {
     "key": "daily_routine",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Mein Tag hat eine feste Struktur.",
       "de-LS": "Mein Tag hat einen festen Ablauf.",
       "en": "My day has a regular structure."
      },
      "professional": {
       "de": "Der Tag der Person hat eine feste Struktur.",
       "de-LS": "Der Tag von der Person hat einen festen Ablauf.",
       "en": "The person's day has a regular structure."
      }
     }
    },
    {
     "key": "daily_activity",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich habe jeden Tag etwas, das ich tun möchte oder muss.",
       "de-LS": "Ich habe jeden Tag etwas zu tun.",
       "en": "Every day I have something I want or need to do."
      },
      "professional": {
       "de": "Die Person hat jeden Tag sinnvolle Aufgaben oder Aktivitäten.",
       "de-LS": "Die Person hat jeden Tag etwas zu tun.",
       "en": "The person has meaningful tasks or activities every day."
      }
     }
    },
    {
     "key": "daily_mobility",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich komme gut zu den Orten, an die ich muss (z. B. mit Bus, Bahn oder Rad).",
       "de-LS": "Ich komme gut zu wichtigen Orten. Zum Beispiel mit dem Bus oder mit dem Rad.",
       "en": "I can get to the places I need to go (e.g. by bus, train or bike)."
      },
      "professional": {
       "de": "Die Person ist mobil genug, um wichtige Orte zu erreichen.",
       "de-LS": "Die Person kommt gut zu wichtigen Orten.",
       "en": "The person is mobile enough to reach important places."
      }
     }
    },
    {
     "key": "daily_structure_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "social_contacts",
   "kind": "area",
   "title": {
    "de": "Soziale Kontakte und Netzwerk",
    "de-LS": "Menschen um mich herum",
    "en": "Social contacts and network"
   },
   "help": {
    "de": "Kontakte, Unterstützung durch andere, Einsamkeit.",
    "de-LS": "Haben Sie Menschen, mit denen Sie reden? Wer hilft Ihnen?",
    "en": "Contacts, support from others, loneliness."
   },
   "reference": {
    "sd": 21,
    "reliability": 0.8
   },
   "items": [
    {
     "key": "social_contact",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich habe regelmäßig Kontakt zu anderen Menschen.",
       "de-LS": "Ich treffe oft andere Menschen.",
       "en": "I am regularly in contact with other people."
      },
      "professional": {
       "de": "Die Person hat regelmäßig Kontakt zu anderen Menschen.",
       "de-LS": "Die Person trifft oft andere Menschen.",
       "en": "The person is regularly in contact with other people."
      }
     }
    },
    {
     "key": "social_support",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich habe Menschen, die mir helfen, wenn ich Hilfe brauche.",
       "de-LS": "Es gibt Menschen, die mir helfen.",
       "en": "I have people who help me when I need help."
      },
      "professional": {
       "de": "Die Person hat Menschen, die sie bei Bedarf unterstützen.",
       "de-LS": "Es gibt Menschen, die der Person helfen.",
       "en": "The person has people who support them when needed."
      }
     }
    },
    {
     "key": "social_lonely",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich fühle mich oft einsam.",
       "de-LS": "Ich bin oft allein. Das macht mich traurig.",
       "en": "I often feel lonely."
      },
      "professional": {
       "de": "Die Person wirkt oft einsam.",
       "de-LS": "Die Person ist oft allein und traurig.",
       "en": "The person often seems lonely."
      }
     }
    },
    {
     "key": "social_contacts_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "belonging",
   "kind": "area",
   "title": {
    "de": "Zugehörigkeit und Anerkennung",
    "de-LS": "Dazugehören",
    "en": "Belonging and recognition"
   },
   "help": {
    "de": "Sich als Teil der Gesellschaft erleben, Anerkennung, Ausgrenzung.",
    "de-LS": "Gehören Sie dazu? Finden andere gut, was Sie tun?",
    "en": "Feeling part of society, recognition, exclusion."
   },
   "reference": {
    "sd": 20,
    "reliability": 0.75
   },
   "items": [
    {
     "key": "belonging_part",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich fühle mich als Teil der Gesellschaft.",
       "de-LS": "Ich gehöre dazu.",
       "en": "I feel part of society."
      },
      "professional": {
       "de": "Die Person erlebt sich als Teil der Gesellschaft.",
       "de-LS": "Die Person fühlt: Ich gehöre dazu.",
       "en": "The person experiences themselves as part of society."
      }
     }
    },
    {
     "key": "belonging_recognition",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Was ich tue, wird von anderen anerkannt.",
       "de-LS": "Andere finden gut, was ich mache.",
       "en": "What I do is recognised by others."
      },
      "professional": {
       "de": "Die Person erfährt Anerkennung für das, was sie tut.",
       "de-LS": "Andere finden gut, was die Person macht.",
       "en": "The person receives recognition for what they do."
      }
     }
    },
    {
     "key": "belonging_excluded",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich fühle mich ausgeschlossen oder benachteiligt.",
       "de-LS": "Ich fühle mich ausgeschlossen.",
       "en": "I feel excluded or disadvantaged."
      },
      "professional": {
       "de": "Die Person erlebt Ausgrenzung oder Benachteiligung.",
       "de-LS": "Die Person wird ausgeschlossen.",
       "en": "The person experiences exclusion or disadvantage."
      }
     }
    },
    {
     "key": "belonging_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "self_efficacy",
   "kind": "area",
   "title": {
    "de": "Selbstwirksamkeit und Motivation",
    "de-LS": "Mut und Ziele",
    "en": "Self-efficacy and motivation"
   },
   "help": {
    "de": "Zutrauen in die eigenen Fähigkeiten, Selbstwert, eigene Ziele.",
    "de-LS": "Trauen Sie sich etwas zu? Haben Sie Ziele?",
    "en": "Confidence in own abilities, self-esteem, own goals."
   },
   "reference": {
    "sd": 18,
    "reliability": 0.8
   },
   "items": [
    {
     "key": "self_efficacy_cope",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich traue mir zu, schwierige Situationen zu bewältigen.",
       "de-LS": "Ich schaffe auch schwierige Sachen.",
       "en": "I trust myself to cope with difficult situations."
      },
      "professional": {
       "de": "Die Person traut sich zu, schwierige Situationen zu bewältigen.",
       "de-LS": "Die Person glaubt: Ich schaffe auch schwierige Sachen.",
       "en": "The person trusts themselves to cope with difficult situations."
      }
     }
    },
    {
     "key": "self_esteem",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich bin mit mir selbst zufrieden.",
       "de-LS": "Ich mag mich so, wie ich bin.",
       "en": "I am satisfied with myself."
      },
      "professional": {
       "de": "Die Person hat ein stabiles Selbstwertgefühl.",
       "de-LS": "Die Person mag sich selbst.",
       "en": "The person has stable self-esteem."
      }
     }
    },
    {
     "key": "self_motivation",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich habe Ziele, für die ich mich einsetzen möchte.",
       "de-LS": "Ich habe Ziele. Dafür will ich etwas tun.",
       "en": "I have goals I want to work towards."
      },
      "professional": {
       "de": "Die Person hat eigene Ziele und verfolgt sie.",
       "de-LS": "Die Person hat Ziele und tut etwas dafür.",
       "en": "The person has their own goals and pursues them."
      }
     }
    },
    {
     "key": "self_efficacy_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "housing",
   "kind": "area",
   "title": {
    "de": "Wohnen und Alltagsbewältigung",
    "de-LS": "Wohnen und Alltag",
    "en": "Housing and everyday life"
   },
   "help": {
    "de": "Gesicherte Wohnung, Haushalt, Post und Alltagsangelegenheiten.",
    "de-LS": "Ist Ihre Wohnung sicher? Schaffen Sie Ihren Haushalt?",
    "en": "Secure housing, household, mail and everyday matters."
   },
   "reference": {
    "sd": 19,
    "reliability": 0.72
   },
   "items": [
    {
     "key": "housing_secure",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Meine Wohnsituation ist sicher.",
       "de-LS": "Ich kann sicher in meiner Wohnung bleiben.",
       "en": "My housing situation is secure."
      },
      "professional": {
       "de": "Die Wohnsituation der Person ist gesichert.",
       "de-LS": "Die Person kann sicher in ihrer Wohnung bleiben.",
       "en": "The person's housing is secure."
      }
     }
    },
    {
     "key": "housing_household",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich komme mit meinem Haushalt gut zurecht.",
       "de-LS": "Ich schaffe meinen Haushalt gut.",
       "en": "I manage my household well."
      },
      "professional": {
       "de": "Die Person bewältigt ihren Haushalt.",
       "de-LS": "Die Person schafft ihren Haushalt.",
       "en": "The person manages their household."
      }
     }
    },
    {
     "key": "housing_paperwork",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich erledige Post und Alltagsangelegenheiten rechtzeitig.",
       "de-LS": "Ich lese meine Briefe. Ich kümmere mich rechtzeitig darum.",
       "en": "I deal with mail and everyday matters on time."
      },
      "professional": {
       "de": "Die Person erledigt Post und Alltagsangelegenheiten rechtzeitig.",
       "de-LS": "Die Person kümmert sich rechtzeitig um Briefe.",
       "en": "The person deals with mail and everyday matters on time."
      }
     }
    },
    {
     "key": "housing_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "finances",
   "kind": "area",
   "title": {
    "de": "Geld, Schulden und materielle Lage",
    "de-LS": "Geld und Schulden",
    "en": "Money, debts and material situation"
   },
   "help": {
    "de": "Auskommen mit dem Geld, Schulden, Überblick über die Finanzen.",
    "de-LS": "Reicht Ihr Geld? Haben Sie Schulden?",
    "en": "Making ends meet, debts, overview of finances."
   },
   "reference": {
    "sd": 22,
    "reliability": 0.76
   },
   "items": [
    {
     "key": "finances_enough",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Mein Geld reicht für das Nötigste bis zum Monatsende.",
       "de-LS": "Mein Geld reicht bis zum Ende vom Monat.",
       "en": "My money covers the essentials until the end of the month."
      },
      "professional": {
       "de": "Das Geld der Person reicht für das Nötigste bis zum Monatsende.",
       "de-LS": "Das Geld von der Person reicht bis zum Ende vom Monat.",
       "en": "The person's money covers the essentials until the end of the month."
      }
     }
    },
    {
     "key": "finances_debts",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Schulden belasten mich stark.",
       "de-LS": "Ich habe Schulden. Das macht mir große Sorgen.",
       "en": "Debts weigh heavily on me."
      },
      "professional": {
       "de": "Schulden belasten die Person stark.",
       "de-LS": "Die Person hat Schulden. Das ist eine große Last.",
       "en": "Debts weigh heavily on the person."
      }
     }
    },
    {
     "key": "finances_overview",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich habe einen Überblick über meine Einnahmen und Ausgaben.",
       "de-LS": "Ich weiß, wie viel Geld ich habe und ausgebe.",
       "en": "I have an overview of my income and spending."
      },
      "professional": {
       "de": "Die Person hat einen Überblick über ihre Einnahmen und Ausgaben.",
       "de-LS": "Die Person weiß, wie viel Geld sie hat und ausgibt.",
       "en": "The person has an overview of their income and spending."
      }
     }
    },
    {
     "key": "finances_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "family_care",
   "kind": "area",
   "title": {
    "de": "Familie und Sorgeaufgaben",
    "de-LS": "Familie",
    "en": "Family and care duties"
   },
   "help": {
    "de": "Familiäre Beziehungen, Konflikte, Kinderbetreuung und Pflege von Angehörigen.",
    "de-LS": "Wie geht es Ihnen mit Ihrer Familie? Kümmern Sie sich um Kinder oder pflegen Sie jemanden?",
    "en": "Family relationships, conflicts, childcare and caring for relatives."
   },
   "reference": {
    "sd": 20,
    "reliability": 0.7
   },
   "items": [
    {
     "key": "family_relations",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Meine Familie ist mir eine Stütze.",
       "de-LS": "Meine Familie hilft mir.",
       "en": "My family is a support to me."
      },
      "professional": {
       "de": "Die familiären Beziehungen der Person sind eine Stütze.",
       "de-LS": "Die Familie hilft der Person.",
       "en": "The person's family relationships are a support."
      }
     }
    },
    {
     "key": "family_conflict",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Konflikte in meiner Familie belasten mich.",
       "de-LS": "Es gibt Streit in meiner Familie. Das belastet mich.",
       "en": "Conflicts in my family weigh on me."
      },
      "professional": {
       "de": "Familiäre Konflikte belasten die Person.",
       "de-LS": "Es gibt Streit in der Familie. Das belastet die Person.",
       "en": "Family conflicts weigh on the person."
      }
     }
    },
    {
     "key": "family_has_duties",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich sorge für Kinder oder pflege Angehörige.",
       "de-LS": "Ich kümmere mich um Kinder. Oder ich pflege jemanden aus der Familie.",
       "en": "I look after children or care for relatives."
      },
      "professional": {
       "de": "Die Person hat Sorge- oder Pflegeaufgaben.",
       "de-LS": "Die Person kümmert sich um Kinder oder pflegt jemanden.",
       "en": "The person has childcare or care duties."
      }
     }
    },
    {
     "key": "family_care_balance",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": false,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich kann meine Sorge- und Pflegeaufgaben gut mit anderen Aufgaben vereinbaren.",
       "de-LS": "Ich schaffe die Sorge für meine Familie und meine anderen Aufgaben.",
       "en": "I can combine my care duties well with other tasks."
      },
      "professional": {
       "de": "Die Person kann Sorge- und Pflegeaufgaben gut mit anderen Aufgaben vereinbaren.",
       "de-LS": "Die Person schafft die Sorge für die Familie und andere Aufgaben.",
       "en": "The person can combine care duties well with other tasks."
      }
     },
     "help": {
      "de": "Nur wenn Kinder zu betreuen oder Angehörige zu pflegen sind.",
      "de-LS": "Nur wenn Sie sich um Kinder kümmern oder jemanden pflegen.",
      "en": "Only if there are children to look after or relatives to care for."
     },
     "enableWhen": [
      {
       "item": "family_has_duties",
       "operator": "=",
       "value": true
      }
     ],
     "enableBehavior": "all"
    },
    {
     "key": "family_care_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "leisure_culture",
   "kind": "area",
   "title": {
    "de": "Freizeit, Kultur und Engagement",
    "de-LS": "Freizeit",
    "en": "Leisure, culture and volunteering"
   },
   "help": {
    "de": "Freizeitaktivitäten, kulturelle Angebote, Vereine und Ehrenamt.",
    "de-LS": "Was machen Sie in Ihrer Freizeit? Machen Sie in einem Verein mit?",
    "en": "Leisure activities, culture, clubs and volunteering."
   },
   "reference": {
    "sd": 21,
    "reliability": 0.73
   },
   "items": [
    {
     "key": "leisure_activities",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich mache in meiner Freizeit Dinge, die mir Freude machen.",
       "de-LS": "In meiner Freizeit mache ich schöne Sachen.",
       "en": "In my free time I do things I enjoy."
      },
      "professional": {
       "de": "Die Person geht in ihrer Freizeit Aktivitäten nach, die ihr Freude machen.",
       "de-LS": "Die Person macht in der Freizeit schöne Sachen.",
       "en": "The person pursues leisure activities they enjoy."
      }
     }
    },
    {
     "key": "leisure_culture_access",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich nehme an kulturellen Angeboten teil (z. B. Kino, Bücherei, Feste).",
       "de-LS": "Ich gehe zu Kultur-Angeboten. Zum Beispiel ins Kino, in die Bücherei oder zu Festen.",
       "en": "I take part in cultural activities (e.g. cinema, library, festivals)."
      },
      "professional": {
       "de": "Die Person nimmt an kulturellen Angeboten teil.",
       "de-LS": "Die Person geht zu Kultur-Angeboten.",
       "en": "The person takes part in cultural activities."
      }
     }
    },
    {
     "key": "leisure_engagement",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich bin in einem Verein, einer Gruppe oder einem Ehrenamt aktiv.",
       "de-LS": "Ich mache in einem Verein oder einer Gruppe mit. Oder ich helfe freiwillig.",
       "en": "I am active in a club, a group or as a volunteer."
      },
      "professional": {
       "de": "Die Person ist in einem Verein, einer Gruppe oder ehrenamtlich aktiv.",
       "de-LS": "Die Person macht in einem Verein oder einer Gruppe mit.",
       "en": "The person is active in a club, a group or as a volunteer."
      }
     }
    },
    {
     "key": "leisure_culture_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "education_skills",
   "kind": "area",
   "title": {
    "de": "Bildung, Grundkompetenzen und Sprache",
    "de-LS": "Lernen, Lesen und Sprache",
    "en": "Education, basic skills and language"
   },
   "help": {
    "de": "Lesen und Schreiben im Alltag, Deutschkenntnisse, digitale Fähigkeiten, Lernbereitschaft.",
    "de-LS": "Können Sie gut lesen und schreiben? Sprechen Sie gut Deutsch?",
    "en": "Everyday reading and writing, German, digital skills, willingness to learn."
   },
   "reference": {
    "sd": 19,
    "reliability": 0.82
   },
   "items": [
    {
     "key": "education_reading",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich kann Texte und Formulare im Alltag gut lesen und ausfüllen.",
       "de-LS": "Ich kann Briefe und Formulare gut lesen und ausfüllen.",
       "en": "I can read and fill in everyday texts and forms well."
      },
      "professional": {
       "de": "Die Person kann Alltagstexte und Formulare lesen und ausfüllen.",
       "de-LS": "Die Person kann Briefe und Formulare lesen und ausfüllen.",
       "en": "The person can read and fill in everyday texts and forms."
      }
     }
    },
    {
     "key": "education_language",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich kann mich auf Deutsch gut verständigen.",
       "de-LS": "Ich kann gut Deutsch sprechen und verstehen.",
       "en": "I can communicate well in German."
      },
      "professional": {
       "de": "Die Person kann sich auf Deutsch gut verständigen.",
       "de-LS": "Die Person kann gut Deutsch sprechen und verstehen.",
       "en": "The person can communicate well in German."
      }
     }
    },
    {
     "key": "education_digital",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich kann ein Smartphone oder einen Computer für Alltagsaufgaben nutzen.",
       "de-LS": "Ich kann ein Handy oder einen Computer benutzen. Zum Beispiel für E-Mails.",
       "en": "I can use a smartphone or computer for everyday tasks."
      },
      "professional": {
       "de": "Die Person nutzt Smartphone oder Computer für Alltagsaufgaben.",
       "de-LS": "Die Person kann ein Handy oder einen Computer benutzen.",
       "en": "The person uses a smartphone or computer for everyday tasks."
      }
     }
    },
    {
     "key": "education_learning",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich möchte etwas dazulernen und traue es mir zu.",
       "de-LS": "Ich will etwas Neues lernen. Ich glaube, ich kann das.",
       "en": "I want to learn something new and believe I can."
      },
      "professional": {
       "de": "Die Person ist bereit und in der Lage, dazuzulernen.",
       "de-LS": "Die Person will und kann Neues lernen.",
       "en": "The person is willing and able to learn."
      }
     }
    },
    {
     "key": "education_skills_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "work_readiness",
   "kind": "area",
   "title": {
    "de": "Arbeitsfähigkeit und Arbeitsmarktnähe",
    "de-LS": "Arbeit",
    "en": "Work ability and closeness to the labour market"
   },
   "help": {
    "de": "Gesundheitliche Arbeitsfähigkeit, Zutrauen, Hindernisse für eine Arbeitsaufnahme.",
    "de-LS": "Können Sie arbeiten? Was hindert Sie?",
    "en": "Health-related work ability, confidence, barriers to taking up work."
   },
   "reference": {
    "sd": 22,
    "reliability": 0.8
   },
   "items": [
    {
     "key": "work_ability",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich kann gesundheitlich einige Stunden am Tag arbeiten.",
       "de-LS": "Ich schaffe ein paar Stunden Arbeit am Tag.",
       "en": "Health-wise I can work a few hours a day."
      },
      "professional": {
       "de": "Die Person ist gesundheitlich in der Lage, einige Stunden täglich zu arbeiten.",
       "de-LS": "Die Person schafft ein paar Stunden Arbeit am Tag.",
       "en": "Health-wise the person can work a few hours a day."
      }
     }
    },
    {
     "key": "work_confidence",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich traue mir zu, eine Arbeit oder Beschäftigung aufzunehmen.",
       "de-LS": "Ich glaube, ich kann eine Arbeit anfangen.",
       "en": "I feel able to take up work or an occupation."
      },
      "professional": {
       "de": "Die Person ist bereit, eine Arbeit oder Beschäftigung aufzunehmen.",
       "de-LS": "Die Person ist bereit für eine Arbeit.",
       "en": "The person is ready to take up work or an occupation."
      }
     }
    },
    {
     "key": "work_barriers",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Es gibt vieles, das mich daran hindert, zu arbeiten.",
       "de-LS": "Vieles hindert mich daran, zu arbeiten.",
       "en": "Many things keep me from working."
      },
      "professional": {
       "de": "Es bestehen viele Hindernisse für eine Arbeitsaufnahme der Person.",
       "de-LS": "Vieles hindert die Person daran, zu arbeiten.",
       "en": "There are many barriers to the person taking up work."
      }
     }
    },
    {
     "key": "work_readiness_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "support_system",
   "kind": "area",
   "title": {
    "de": "Umgang mit Behörden und Hilfesystem",
    "de-LS": "Ämter und Hilfe",
    "en": "Dealing with authorities and support services"
   },
   "help": {
    "de": "Verstehen, was Behörden erwarten, Hilfeangebote kennen, Belastung durch Amtskontakte.",
    "de-LS": "Verstehen Sie, was das Amt will? Wissen Sie, wo Sie Hilfe bekommen?",
    "en": "Understanding what authorities expect, knowing support services, strain from dealing with offices."
   },
   "reference": {
    "sd": 20,
    "reliability": 0.74
   },
   "items": [
    {
     "key": "support_understand",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich verstehe, was Behörden von mir wollen.",
       "de-LS": "Ich verstehe, was das Amt von mir will.",
       "en": "I understand what the authorities expect of me."
      },
      "professional": {
       "de": "Die Person versteht, was Behörden von ihr erwarten.",
       "de-LS": "Die Person versteht, was das Amt will.",
       "en": "The person understands what the authorities expect of them."
      }
     }
    },
    {
     "key": "support_access",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Ich weiß, wo ich Hilfe und Beratung bekomme.",
       "de-LS": "Ich weiß, wo ich Hilfe bekomme.",
       "en": "I know where to get help and advice."
      },
      "professional": {
       "de": "Die Person kennt passende Hilfe- und Beratungsangebote.",
       "de-LS": "Die Person weiß, wo sie Hilfe bekommt.",
       "en": "The person knows suitable help and advice services."
      }
     }
    },
    {
     "key": "support_stress",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 1,
        "label": {
         "de": "trifft gar nicht zu",
         "de-LS": "stimmt gar nicht",
         "en": "not true at all"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "trifft eher nicht zu",
         "de-LS": "stimmt eher nicht",
         "en": "mostly not true"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "teils, teils",
         "de-LS": "halb und halb",
         "en": "partly true"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "trifft eher zu",
         "de-LS": "stimmt eher",
         "en": "mostly true"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "trifft voll zu",
         "de-LS": "stimmt genau",
         "en": "completely true"
        }
       }
      ],
      "nullLabel": {
       "de": "trifft nicht zu / keine Angabe",
       "de-LS": "passt nicht / will ich nicht sagen",
       "en": "does not apply / no answer"
      }
     },
     "required": true,
     "reverse": true,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Kontakte mit Ämtern machen mir Angst oder Stress.",
       "de-LS": "Ich habe Angst vor dem Amt.",
       "en": "Dealing with authorities makes me anxious or stressed."
      },
      "professional": {
       "de": "Kontakte mit Ämtern lösen bei der Person Angst oder Stress aus.",
       "de-LS": "Die Person hat Angst vor dem Amt.",
       "en": "Dealing with authorities makes the person anxious or stressed."
      }
     }
    },
    {
     "key": "support_system_work_on",
     "type": "boolean",
     "scale": null,
     "required": false,
     "reverse": false,
     "scored": false,
     "role": "work_on",
     "texts": {
      "self": {
       "de": "Daran möchte ich arbeiten.",
       "de-LS": "Daran will ich arbeiten.",
       "en": "I want to work on this."
      }
     }
    }
   ]
  },
  {
   "key": "life_satisfaction",
   "kind": "global",
   "title": {
    "de": "Lebenszufriedenheit",
    "de-LS": "Zufriedenheit",
    "en": "Life satisfaction"
   },
   "help": {
    "de": "Gesamteinschätzung von 0 (ganz und gar unzufrieden) bis 10 (ganz und gar zufrieden).",
    "de-LS": "0 heißt: gar nicht zufrieden. 10 heißt: sehr zufrieden.",
    "en": "Overall rating from 0 (completely dissatisfied) to 10 (completely satisfied)."
   },
   "reference": {
    "sd": 20,
    "reliability": 0.7
   },
   "items": [
    {
     "key": "life_satisfaction_rating",
     "type": "scale",
     "scale": {
      "options": [
       {
        "value": 0,
        "label": {
         "de": "0 – ganz und gar unzufrieden",
         "de-LS": "0 – gar nicht zufrieden",
         "en": "0 – completely dissatisfied"
        }
       },
       {
        "value": 1,
        "label": {
         "de": "1",
         "de-LS": "1",
         "en": "1"
        }
       },
       {
        "value": 2,
        "label": {
         "de": "2",
         "de-LS": "2",
         "en": "2"
        }
       },
       {
        "value": 3,
        "label": {
         "de": "3",
         "de-LS": "3",
         "en": "3"
        }
       },
       {
        "value": 4,
        "label": {
         "de": "4",
         "de-LS": "4",
         "en": "4"
        }
       },
       {
        "value": 5,
        "label": {
         "de": "5",
         "de-LS": "5",
         "en": "5"
        }
       },
       {
        "value": 6,
        "label": {
         "de": "6",
         "de-LS": "6",
         "en": "6"
        }
       },
       {
        "value": 7,
        "label": {
         "de": "7",
         "de-LS": "7",
         "en": "7"
        }
       },
       {
        "value": 8,
        "label": {
         "de": "8",
         "de-LS": "8",
         "en": "8"
        }
       },
       {
        "value": 9,
        "label": {
         "de": "9",
         "de-LS": "9",
         "en": "9"
        }
       },
       {
        "value": 10,
        "label": {
         "de": "10 – ganz und gar zufrieden",
         "de-LS": "10 – sehr zufrieden",
         "en": "10 – completely satisfied"
        }
       }
      ],
      "nullLabel": {
       "de": "keine Angabe",
       "de-LS": "will ich nicht sagen",
       "en": "no answer"
      }
     },
     "required": true,
     "reverse": false,
     "scored": true,
     "role": "rating",
     "texts": {
      "self": {
       "de": "Alles in allem bin ich mit meinem Leben so zufrieden:",
       "de-LS": "So zufrieden bin ich mit meinem Leben:",
       "en": "All in all, this is how satisfied I am with my life:"
      },
      "professional": {
       "de": "Alles in allem ist die Person mit ihrem Leben so zufrieden:",
       "de-LS": "So zufrieden ist die Person mit ihrem Leben:",
       "en": "All in all, this is how satisfied the person is with their life:"
      }
     }
    }
   ]
  }
 ]
}
$teilhabe_bogen_v1$::jsonb, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

-- Assessments: one filled questionnaire of one client at one point in time. Raw answers and the
-- dimension scores computed from them are stored side by side, so reports aggregate without
-- re-scoring. agency_id is the client's (owning) agency; partner agencies of a shared case see them
-- like the rest of the client's record.
CREATE TABLE assessments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES agencies (id),
  client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  instrument_id  uuid NOT NULL REFERENCES instruments (id),
  occasion       text NOT NULL CHECK (occasion IN ('intake', 'follow_up', 'exit')),
  perspective    text NOT NULL CHECK (perspective IN ('self', 'professional')),
  mode           text NOT NULL CHECK (mode IN ('together', 'self_link', 'paper')),
  assessed_on    date NOT NULL,
  status         text NOT NULL CHECK (status IN ('draft', 'completed')),
  answers        jsonb NOT NULL DEFAULT '{}'::jsonb,
  scores         jsonb NOT NULL DEFAULT '[]'::jsonb,
  total_score    double precision,
  entered_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  completed_at   timestamptz,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX assessments_client_idx ON assessments (agency_id, client_id, assessed_on);
CREATE INDEX assessments_instrument_idx ON assessments (instrument_id);

-- A correction of a completed assessment: the state before it, who changed what and why.
CREATE TABLE assessment_amendments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id         uuid NOT NULL REFERENCES agencies (id),
  assessment_id     uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  client_id         uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  previous_answers  jsonb NOT NULL,
  previous_scores   jsonb NOT NULL,
  previous_total    double precision,
  previous_date     date NOT NULL,
  changed_items     text[] NOT NULL,
  reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  amended_by        uuid REFERENCES users (id),
  amended_at        timestamptz NOT NULL
);
CREATE INDEX assessment_amendments_assessment_idx ON assessment_amendments (assessment_id, amended_at);
-- Amendments are a record: never changed or deleted by the application.
REVOKE UPDATE, DELETE ON assessment_amendments FROM lotse_app;

ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON assessments USING (lotse_client_visible(agency_id, client_id));
ALTER TABLE assessment_amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_visibility ON assessment_amendments USING (lotse_client_visible(agency_id, client_id));
