import type {
  AnswerScale,
  InstrumentDefinitionInput,
  InstrumentDimension,
  InstrumentItem,
  LocalizedText,
} from './instrument.schema.ts';

/**
 * The default instrument "Teilhabe-Bogen", version 1: written for Lotse (not taken from any licensed
 * tool). Twelve life areas with 2-4 rated statements each, worded for the self-assessment ("Ich ...")
 * and the professional view ("Die Person ..."), in German, easy language (de-LS) and English, plus a
 * global life-satisfaction rating 0-10 and per area "I want to work on this".
 *
 * Published versions never change: migration 003 stores exactly this definition as version 1, and a
 * unit test holds the two together. A changed instrument is a new version (a new migration).
 */

type T3 = readonly [de: string, easy: string, en: string];
const t = ([de, easy, en]: T3): LocalizedText => ({ de, 'de-LS': easy, en });

const agreement: AnswerScale = {
  options: [
    { value: 1, label: t(['trifft gar nicht zu', 'stimmt gar nicht', 'not true at all']) },
    { value: 2, label: t(['trifft eher nicht zu', 'stimmt eher nicht', 'mostly not true']) },
    { value: 3, label: t(['teils, teils', 'halb und halb', 'partly true']) },
    { value: 4, label: t(['trifft eher zu', 'stimmt eher', 'mostly true']) },
    { value: 5, label: t(['trifft voll zu', 'stimmt genau', 'completely true']) },
  ],
  nullLabel: t([
    'trifft nicht zu / keine Angabe',
    'passt nicht / will ich nicht sagen',
    'does not apply / no answer',
  ]),
};

const satisfaction: AnswerScale = {
  options: Array.from({ length: 11 }, (_, value) => ({
    value,
    label:
      value === 0
        ? t(['0 – ganz und gar unzufrieden', '0 – gar nicht zufrieden', '0 – completely dissatisfied'])
        : value === 10
          ? t(['10 – ganz und gar zufrieden', '10 – sehr zufrieden', '10 – completely satisfied'])
          : t([String(value), String(value), String(value)]),
  })),
  nullLabel: t(['keine Angabe', 'will ich nicht sagen', 'no answer']),
};

interface ItemOptions {
  reverse?: boolean;
  help?: T3;
  required?: boolean;
  enableWhen?: InstrumentItem['enableWhen'];
}

function rated(key: string, self: T3, professional: T3, o: ItemOptions = {}): InstrumentItem {
  return {
    key,
    type: 'scale',
    scale: agreement,
    required: o.required ?? true,
    reverse: o.reverse ?? false,
    scored: true,
    role: 'rating',
    texts: { self: t(self), professional: t(professional) },
    ...(o.help ? { help: t(o.help) } : {}),
    ...(o.enableWhen ? { enableWhen: o.enableWhen, enableBehavior: 'all' as const } : {}),
  };
}

function workOn(dimension: string): InstrumentItem {
  return {
    key: `${dimension}_work_on`,
    type: 'boolean',
    scale: null,
    required: false,
    reverse: false,
    scored: false,
    role: 'work_on',
    texts: { self: t(['Daran möchte ich arbeiten.', 'Daran will ich arbeiten.', 'I want to work on this.']) },
  };
}

/** Provisional reference values on the 0-100 scale (see the description). */
function area(
  key: string,
  title: T3,
  help: T3,
  reference: { sd: number; reliability: number },
  items: InstrumentItem[],
): InstrumentDimension {
  return { key, kind: 'area', title: t(title), help: t(help), reference, items: [...items, workOn(key)] };
}

export const TEILHABE_BOGEN_KEY = 'teilhabe_bogen';

export const teilhabeBogenV1: InstrumentDefinitionInput = {
  title: t(['Teilhabe-Bogen', 'Teilhabe-Bogen', 'Participation Questionnaire']),
  description: t([
    'Erhebungsbogen zur sozialen Teilhabe in zwölf Lebensbereichen, als Selbst- und Fremdeinschätzung. ' +
      'Bereichswerte 0-100 (höher = bessere Teilhabe), Teilhabebedarf unter 50. ' +
      'Die Referenzwerte (Standardabweichung, Reliabilität) für den Reliable Change Index sind vorläufige ' +
      'Annahmen und werden nach der Erprobung durch empirische Werte ersetzt.',
    'Mit diesem Bogen schauen wir auf 12 Bereiche in Ihrem Leben. Sie sagen, wie es Ihnen geht. ' +
      'Ihre Lotsin oder Ihr Lotse sagt es auch.',
    'Questionnaire on social participation in twelve life areas, as self- and professional assessment. ' +
      'Area scores 0-100 (higher = better participation), need below 50. The reference values (standard ' +
      'deviation, reliability) for the Reliable Change Index are provisional assumptions, to be replaced ' +
      'by empirical values after piloting.',
  ]),
  scoring: {
    needThreshold: 50,
    minAnsweredShare: 0.5,
    minDimensionShare: 0.75,
    rciCriterion: 1.96,
    followUpMonths: 6,
  },
  dimensions: [
    area(
      'health',
      ['Gesundheit', 'Gesundheit', 'Health'],
      [
        'Körperliche und psychische Gesundheit sowie Gesundheitsverhalten.',
        'Wie geht es Ihrem Körper? Wie geht es Ihrer Seele?',
        'Physical and mental health and health behaviour.',
      ],
      { sd: 20, reliability: 0.78 },
      [
        rated(
          'health_physical',
          [
            'Ich fühle mich körperlich gesund genug für meinen Alltag.',
            'Mein Körper ist gesund genug für meinen Alltag.',
            'I feel physically healthy enough for my everyday life.',
          ],
          [
            'Die Person ist körperlich gesund genug für ihren Alltag.',
            'Der Körper von der Person ist gesund genug für den Alltag.',
            'The person is physically healthy enough for everyday life.',
          ],
        ),
        rated(
          'health_mental_strain',
          [
            'Ich fühle mich oft niedergeschlagen oder ängstlich.',
            'Ich bin oft traurig. Oder ich habe oft Angst.',
            'I often feel down or anxious.',
          ],
          [
            'Die Person wirkt oft niedergeschlagen oder ängstlich.',
            'Die Person ist oft traurig. Oder sie hat oft Angst.',
            'The person often seems down or anxious.',
          ],
          {
            reverse: true,
            help: [
              'Gemeint sind die letzten vier Wochen.',
              'Denken Sie an die letzten 4 Wochen.',
              'Think of the last four weeks.',
            ],
          },
        ),
        rated(
          'health_behaviour',
          [
            'Ich achte auf meine Gesundheit (z. B. Schlaf, Ernährung, Bewegung).',
            'Ich passe auf meine Gesundheit auf. Ich schlafe genug. Ich esse gut. Ich bewege mich.',
            'I look after my health (e.g. sleep, food, exercise).',
          ],
          [
            'Die Person achtet auf ihre Gesundheit (z. B. Schlaf, Ernährung, Bewegung).',
            'Die Person passt auf ihre Gesundheit auf.',
            'The person looks after their health (e.g. sleep, food, exercise).',
          ],
        ),
        rated(
          'health_care_access',
          [
            'Wenn ich gesundheitliche Hilfe brauche, bekomme ich sie.',
            'Wenn ich krank bin, bekomme ich Hilfe.',
            'When I need medical help, I get it.',
          ],
          [
            'Die Person nimmt gesundheitliche Hilfe in Anspruch, wenn sie sie braucht.',
            'Die Person holt sich Hilfe, wenn sie krank ist.',
            'The person uses medical help when they need it.',
          ],
        ),
      ],
    ),
    area(
      'daily_structure',
      ['Tagesstruktur und Mobilität', 'Mein Tag und unterwegs sein', 'Daily structure and mobility'],
      [
        'Tagesablauf, Aktivität und Mobilität.',
        'Wie sieht Ihr Tag aus? Kommen Sie gut von A nach B?',
        'Daily routine, activity and mobility.',
      ],
      { sd: 19, reliability: 0.74 },
      [
        rated(
          'daily_routine',
          [
            'Mein Tag hat eine feste Struktur.',
            'Mein Tag hat einen festen Ablauf.',
            'My day has a regular structure.',
          ],
          [
            'Der Tag der Person hat eine feste Struktur.',
            'Der Tag von der Person hat einen festen Ablauf.',
            "The person's day has a regular structure.",
          ],
        ),
        rated(
          'daily_activity',
          [
            'Ich habe jeden Tag etwas, das ich tun möchte oder muss.',
            'Ich habe jeden Tag etwas zu tun.',
            'Every day I have something I want or need to do.',
          ],
          [
            'Die Person hat jeden Tag sinnvolle Aufgaben oder Aktivitäten.',
            'Die Person hat jeden Tag etwas zu tun.',
            'The person has meaningful tasks or activities every day.',
          ],
        ),
        rated(
          'daily_mobility',
          [
            'Ich komme gut zu den Orten, an die ich muss (z. B. mit Bus, Bahn oder Rad).',
            'Ich komme gut zu wichtigen Orten. Zum Beispiel mit dem Bus oder mit dem Rad.',
            'I can get to the places I need to go (e.g. by bus, train or bike).',
          ],
          [
            'Die Person ist mobil genug, um wichtige Orte zu erreichen.',
            'Die Person kommt gut zu wichtigen Orten.',
            'The person is mobile enough to reach important places.',
          ],
        ),
      ],
    ),
    area(
      'social_contacts',
      ['Soziale Kontakte und Netzwerk', 'Menschen um mich herum', 'Social contacts and network'],
      [
        'Kontakte, Unterstützung durch andere, Einsamkeit.',
        'Haben Sie Menschen, mit denen Sie reden? Wer hilft Ihnen?',
        'Contacts, support from others, loneliness.',
      ],
      { sd: 21, reliability: 0.8 },
      [
        rated(
          'social_contact',
          [
            'Ich habe regelmäßig Kontakt zu anderen Menschen.',
            'Ich treffe oft andere Menschen.',
            'I am regularly in contact with other people.',
          ],
          [
            'Die Person hat regelmäßig Kontakt zu anderen Menschen.',
            'Die Person trifft oft andere Menschen.',
            'The person is regularly in contact with other people.',
          ],
        ),
        rated(
          'social_support',
          [
            'Ich habe Menschen, die mir helfen, wenn ich Hilfe brauche.',
            'Es gibt Menschen, die mir helfen.',
            'I have people who help me when I need help.',
          ],
          [
            'Die Person hat Menschen, die sie bei Bedarf unterstützen.',
            'Es gibt Menschen, die der Person helfen.',
            'The person has people who support them when needed.',
          ],
        ),
        rated(
          'social_lonely',
          [
            'Ich fühle mich oft einsam.',
            'Ich bin oft allein. Das macht mich traurig.',
            'I often feel lonely.',
          ],
          [
            'Die Person wirkt oft einsam.',
            'Die Person ist oft allein und traurig.',
            'The person often seems lonely.',
          ],
          { reverse: true },
        ),
      ],
    ),
    area(
      'belonging',
      ['Zugehörigkeit und Anerkennung', 'Dazugehören', 'Belonging and recognition'],
      [
        'Sich als Teil der Gesellschaft erleben, Anerkennung, Ausgrenzung.',
        'Gehören Sie dazu? Finden andere gut, was Sie tun?',
        'Feeling part of society, recognition, exclusion.',
      ],
      { sd: 20, reliability: 0.75 },
      [
        rated(
          'belonging_part',
          ['Ich fühle mich als Teil der Gesellschaft.', 'Ich gehöre dazu.', 'I feel part of society.'],
          [
            'Die Person erlebt sich als Teil der Gesellschaft.',
            'Die Person fühlt: Ich gehöre dazu.',
            'The person experiences themselves as part of society.',
          ],
        ),
        rated(
          'belonging_recognition',
          [
            'Was ich tue, wird von anderen anerkannt.',
            'Andere finden gut, was ich mache.',
            'What I do is recognised by others.',
          ],
          [
            'Die Person erfährt Anerkennung für das, was sie tut.',
            'Andere finden gut, was die Person macht.',
            'The person receives recognition for what they do.',
          ],
        ),
        rated(
          'belonging_excluded',
          [
            'Ich fühle mich ausgeschlossen oder benachteiligt.',
            'Ich fühle mich ausgeschlossen.',
            'I feel excluded or disadvantaged.',
          ],
          [
            'Die Person erlebt Ausgrenzung oder Benachteiligung.',
            'Die Person wird ausgeschlossen.',
            'The person experiences exclusion or disadvantage.',
          ],
          { reverse: true },
        ),
      ],
    ),
    area(
      'self_efficacy',
      ['Selbstwirksamkeit und Motivation', 'Mut und Ziele', 'Self-efficacy and motivation'],
      [
        'Zutrauen in die eigenen Fähigkeiten, Selbstwert, eigene Ziele.',
        'Trauen Sie sich etwas zu? Haben Sie Ziele?',
        'Confidence in own abilities, self-esteem, own goals.',
      ],
      { sd: 18, reliability: 0.8 },
      [
        rated(
          'self_efficacy_cope',
          [
            'Ich traue mir zu, schwierige Situationen zu bewältigen.',
            'Ich schaffe auch schwierige Sachen.',
            'I trust myself to cope with difficult situations.',
          ],
          [
            'Die Person traut sich zu, schwierige Situationen zu bewältigen.',
            'Die Person glaubt: Ich schaffe auch schwierige Sachen.',
            'The person trusts themselves to cope with difficult situations.',
          ],
        ),
        rated(
          'self_esteem',
          [
            'Ich bin mit mir selbst zufrieden.',
            'Ich mag mich so, wie ich bin.',
            'I am satisfied with myself.',
          ],
          [
            'Die Person hat ein stabiles Selbstwertgefühl.',
            'Die Person mag sich selbst.',
            'The person has stable self-esteem.',
          ],
        ),
        rated(
          'self_motivation',
          [
            'Ich habe Ziele, für die ich mich einsetzen möchte.',
            'Ich habe Ziele. Dafür will ich etwas tun.',
            'I have goals I want to work towards.',
          ],
          [
            'Die Person hat eigene Ziele und verfolgt sie.',
            'Die Person hat Ziele und tut etwas dafür.',
            'The person has their own goals and pursues them.',
          ],
        ),
      ],
    ),
    area(
      'housing',
      ['Wohnen und Alltagsbewältigung', 'Wohnen und Alltag', 'Housing and everyday life'],
      [
        'Gesicherte Wohnung, Haushalt, Post und Alltagsangelegenheiten.',
        'Ist Ihre Wohnung sicher? Schaffen Sie Ihren Haushalt?',
        'Secure housing, household, mail and everyday matters.',
      ],
      { sd: 19, reliability: 0.72 },
      [
        rated(
          'housing_secure',
          [
            'Meine Wohnsituation ist sicher.',
            'Ich kann sicher in meiner Wohnung bleiben.',
            'My housing situation is secure.',
          ],
          [
            'Die Wohnsituation der Person ist gesichert.',
            'Die Person kann sicher in ihrer Wohnung bleiben.',
            "The person's housing is secure.",
          ],
        ),
        rated(
          'housing_household',
          [
            'Ich komme mit meinem Haushalt gut zurecht.',
            'Ich schaffe meinen Haushalt gut.',
            'I manage my household well.',
          ],
          [
            'Die Person bewältigt ihren Haushalt.',
            'Die Person schafft ihren Haushalt.',
            'The person manages their household.',
          ],
        ),
        rated(
          'housing_paperwork',
          [
            'Ich erledige Post und Alltagsangelegenheiten rechtzeitig.',
            'Ich lese meine Briefe. Ich kümmere mich rechtzeitig darum.',
            'I deal with mail and everyday matters on time.',
          ],
          [
            'Die Person erledigt Post und Alltagsangelegenheiten rechtzeitig.',
            'Die Person kümmert sich rechtzeitig um Briefe.',
            'The person deals with mail and everyday matters on time.',
          ],
        ),
      ],
    ),
    area(
      'finances',
      ['Geld, Schulden und materielle Lage', 'Geld und Schulden', 'Money, debts and material situation'],
      [
        'Auskommen mit dem Geld, Schulden, Überblick über die Finanzen.',
        'Reicht Ihr Geld? Haben Sie Schulden?',
        'Making ends meet, debts, overview of finances.',
      ],
      { sd: 22, reliability: 0.76 },
      [
        rated(
          'finances_enough',
          [
            'Mein Geld reicht für das Nötigste bis zum Monatsende.',
            'Mein Geld reicht bis zum Ende vom Monat.',
            'My money covers the essentials until the end of the month.',
          ],
          [
            'Das Geld der Person reicht für das Nötigste bis zum Monatsende.',
            'Das Geld von der Person reicht bis zum Ende vom Monat.',
            "The person's money covers the essentials until the end of the month.",
          ],
        ),
        rated(
          'finances_debts',
          [
            'Schulden belasten mich stark.',
            'Ich habe Schulden. Das macht mir große Sorgen.',
            'Debts weigh heavily on me.',
          ],
          [
            'Schulden belasten die Person stark.',
            'Die Person hat Schulden. Das ist eine große Last.',
            'Debts weigh heavily on the person.',
          ],
          { reverse: true },
        ),
        rated(
          'finances_overview',
          [
            'Ich habe einen Überblick über meine Einnahmen und Ausgaben.',
            'Ich weiß, wie viel Geld ich habe und ausgebe.',
            'I have an overview of my income and spending.',
          ],
          [
            'Die Person hat einen Überblick über ihre Einnahmen und Ausgaben.',
            'Die Person weiß, wie viel Geld sie hat und ausgibt.',
            'The person has an overview of their income and spending.',
          ],
        ),
      ],
    ),
    area(
      'family_care',
      ['Familie und Sorgeaufgaben', 'Familie', 'Family and care duties'],
      [
        'Familiäre Beziehungen, Konflikte, Kinderbetreuung und Pflege von Angehörigen.',
        'Wie geht es Ihnen mit Ihrer Familie? Kümmern Sie sich um Kinder oder pflegen Sie jemanden?',
        'Family relationships, conflicts, childcare and caring for relatives.',
      ],
      { sd: 20, reliability: 0.7 },
      [
        rated(
          'family_relations',
          ['Meine Familie ist mir eine Stütze.', 'Meine Familie hilft mir.', 'My family is a support to me.'],
          [
            'Die familiären Beziehungen der Person sind eine Stütze.',
            'Die Familie hilft der Person.',
            "The person's family relationships are a support.",
          ],
        ),
        rated(
          'family_conflict',
          [
            'Konflikte in meiner Familie belasten mich.',
            'Es gibt Streit in meiner Familie. Das belastet mich.',
            'Conflicts in my family weigh on me.',
          ],
          [
            'Familiäre Konflikte belasten die Person.',
            'Es gibt Streit in der Familie. Das belastet die Person.',
            'Family conflicts weigh on the person.',
          ],
          { reverse: true },
        ),
        {
          key: 'family_has_duties',
          type: 'boolean',
          scale: null,
          required: false,
          reverse: false,
          scored: false,
          role: 'rating',
          texts: {
            self: t([
              'Ich sorge für Kinder oder pflege Angehörige.',
              'Ich kümmere mich um Kinder. Oder ich pflege jemanden aus der Familie.',
              'I look after children or care for relatives.',
            ]),
            professional: t([
              'Die Person hat Sorge- oder Pflegeaufgaben.',
              'Die Person kümmert sich um Kinder oder pflegt jemanden.',
              'The person has childcare or care duties.',
            ]),
          },
        },
        rated(
          'family_care_balance',
          [
            'Ich kann meine Sorge- und Pflegeaufgaben gut mit anderen Aufgaben vereinbaren.',
            'Ich schaffe die Sorge für meine Familie und meine anderen Aufgaben.',
            'I can combine my care duties well with other tasks.',
          ],
          [
            'Die Person kann Sorge- und Pflegeaufgaben gut mit anderen Aufgaben vereinbaren.',
            'Die Person schafft die Sorge für die Familie und andere Aufgaben.',
            'The person can combine care duties well with other tasks.',
          ],
          {
            required: false,
            enableWhen: [{ item: 'family_has_duties', operator: '=', value: true }],
            help: [
              'Nur wenn Kinder zu betreuen oder Angehörige zu pflegen sind.',
              'Nur wenn Sie sich um Kinder kümmern oder jemanden pflegen.',
              'Only if there are children to look after or relatives to care for.',
            ],
          },
        ),
      ],
    ),
    area(
      'leisure_culture',
      ['Freizeit, Kultur und Engagement', 'Freizeit', 'Leisure, culture and volunteering'],
      [
        'Freizeitaktivitäten, kulturelle Angebote, Vereine und Ehrenamt.',
        'Was machen Sie in Ihrer Freizeit? Machen Sie in einem Verein mit?',
        'Leisure activities, culture, clubs and volunteering.',
      ],
      { sd: 21, reliability: 0.73 },
      [
        rated(
          'leisure_activities',
          [
            'Ich mache in meiner Freizeit Dinge, die mir Freude machen.',
            'In meiner Freizeit mache ich schöne Sachen.',
            'In my free time I do things I enjoy.',
          ],
          [
            'Die Person geht in ihrer Freizeit Aktivitäten nach, die ihr Freude machen.',
            'Die Person macht in der Freizeit schöne Sachen.',
            'The person pursues leisure activities they enjoy.',
          ],
        ),
        rated(
          'leisure_culture_access',
          [
            'Ich nehme an kulturellen Angeboten teil (z. B. Kino, Bücherei, Feste).',
            'Ich gehe zu Kultur-Angeboten. Zum Beispiel ins Kino, in die Bücherei oder zu Festen.',
            'I take part in cultural activities (e.g. cinema, library, festivals).',
          ],
          [
            'Die Person nimmt an kulturellen Angeboten teil.',
            'Die Person geht zu Kultur-Angeboten.',
            'The person takes part in cultural activities.',
          ],
        ),
        rated(
          'leisure_engagement',
          [
            'Ich bin in einem Verein, einer Gruppe oder einem Ehrenamt aktiv.',
            'Ich mache in einem Verein oder einer Gruppe mit. Oder ich helfe freiwillig.',
            'I am active in a club, a group or as a volunteer.',
          ],
          [
            'Die Person ist in einem Verein, einer Gruppe oder ehrenamtlich aktiv.',
            'Die Person macht in einem Verein oder einer Gruppe mit.',
            'The person is active in a club, a group or as a volunteer.',
          ],
        ),
      ],
    ),
    area(
      'education_skills',
      [
        'Bildung, Grundkompetenzen und Sprache',
        'Lernen, Lesen und Sprache',
        'Education, basic skills and language',
      ],
      [
        'Lesen und Schreiben im Alltag, Deutschkenntnisse, digitale Fähigkeiten, Lernbereitschaft.',
        'Können Sie gut lesen und schreiben? Sprechen Sie gut Deutsch?',
        'Everyday reading and writing, German, digital skills, willingness to learn.',
      ],
      { sd: 19, reliability: 0.82 },
      [
        rated(
          'education_reading',
          [
            'Ich kann Texte und Formulare im Alltag gut lesen und ausfüllen.',
            'Ich kann Briefe und Formulare gut lesen und ausfüllen.',
            'I can read and fill in everyday texts and forms well.',
          ],
          [
            'Die Person kann Alltagstexte und Formulare lesen und ausfüllen.',
            'Die Person kann Briefe und Formulare lesen und ausfüllen.',
            'The person can read and fill in everyday texts and forms.',
          ],
        ),
        rated(
          'education_language',
          [
            'Ich kann mich auf Deutsch gut verständigen.',
            'Ich kann gut Deutsch sprechen und verstehen.',
            'I can communicate well in German.',
          ],
          [
            'Die Person kann sich auf Deutsch gut verständigen.',
            'Die Person kann gut Deutsch sprechen und verstehen.',
            'The person can communicate well in German.',
          ],
        ),
        rated(
          'education_digital',
          [
            'Ich kann ein Smartphone oder einen Computer für Alltagsaufgaben nutzen.',
            'Ich kann ein Handy oder einen Computer benutzen. Zum Beispiel für E-Mails.',
            'I can use a smartphone or computer for everyday tasks.',
          ],
          [
            'Die Person nutzt Smartphone oder Computer für Alltagsaufgaben.',
            'Die Person kann ein Handy oder einen Computer benutzen.',
            'The person uses a smartphone or computer for everyday tasks.',
          ],
        ),
        rated(
          'education_learning',
          [
            'Ich möchte etwas dazulernen und traue es mir zu.',
            'Ich will etwas Neues lernen. Ich glaube, ich kann das.',
            'I want to learn something new and believe I can.',
          ],
          [
            'Die Person ist bereit und in der Lage, dazuzulernen.',
            'Die Person will und kann Neues lernen.',
            'The person is willing and able to learn.',
          ],
        ),
      ],
    ),
    area(
      'work_readiness',
      ['Arbeitsfähigkeit und Arbeitsmarktnähe', 'Arbeit', 'Work ability and closeness to the labour market'],
      [
        'Gesundheitliche Arbeitsfähigkeit, Zutrauen, Hindernisse für eine Arbeitsaufnahme.',
        'Können Sie arbeiten? Was hindert Sie?',
        'Health-related work ability, confidence, barriers to taking up work.',
      ],
      { sd: 22, reliability: 0.8 },
      [
        rated(
          'work_ability',
          [
            'Ich kann gesundheitlich einige Stunden am Tag arbeiten.',
            'Ich schaffe ein paar Stunden Arbeit am Tag.',
            'Health-wise I can work a few hours a day.',
          ],
          [
            'Die Person ist gesundheitlich in der Lage, einige Stunden täglich zu arbeiten.',
            'Die Person schafft ein paar Stunden Arbeit am Tag.',
            'Health-wise the person can work a few hours a day.',
          ],
        ),
        rated(
          'work_confidence',
          [
            'Ich traue mir zu, eine Arbeit oder Beschäftigung aufzunehmen.',
            'Ich glaube, ich kann eine Arbeit anfangen.',
            'I feel able to take up work or an occupation.',
          ],
          [
            'Die Person ist bereit, eine Arbeit oder Beschäftigung aufzunehmen.',
            'Die Person ist bereit für eine Arbeit.',
            'The person is ready to take up work or an occupation.',
          ],
        ),
        rated(
          'work_barriers',
          [
            'Es gibt vieles, das mich daran hindert, zu arbeiten.',
            'Vieles hindert mich daran, zu arbeiten.',
            'Many things keep me from working.',
          ],
          [
            'Es bestehen viele Hindernisse für eine Arbeitsaufnahme der Person.',
            'Vieles hindert die Person daran, zu arbeiten.',
            'There are many barriers to the person taking up work.',
          ],
          { reverse: true },
        ),
      ],
    ),
    area(
      'support_system',
      [
        'Umgang mit Behörden und Hilfesystem',
        'Ämter und Hilfe',
        'Dealing with authorities and support services',
      ],
      [
        'Verstehen, was Behörden erwarten, Hilfeangebote kennen, Belastung durch Amtskontakte.',
        'Verstehen Sie, was das Amt will? Wissen Sie, wo Sie Hilfe bekommen?',
        'Understanding what authorities expect, knowing support services, strain from dealing with offices.',
      ],
      { sd: 20, reliability: 0.74 },
      [
        rated(
          'support_understand',
          [
            'Ich verstehe, was Behörden von mir wollen.',
            'Ich verstehe, was das Amt von mir will.',
            'I understand what the authorities expect of me.',
          ],
          [
            'Die Person versteht, was Behörden von ihr erwarten.',
            'Die Person versteht, was das Amt will.',
            'The person understands what the authorities expect of them.',
          ],
        ),
        rated(
          'support_access',
          [
            'Ich weiß, wo ich Hilfe und Beratung bekomme.',
            'Ich weiß, wo ich Hilfe bekomme.',
            'I know where to get help and advice.',
          ],
          [
            'Die Person kennt passende Hilfe- und Beratungsangebote.',
            'Die Person weiß, wo sie Hilfe bekommt.',
            'The person knows suitable help and advice services.',
          ],
        ),
        rated(
          'support_stress',
          [
            'Kontakte mit Ämtern machen mir Angst oder Stress.',
            'Ich habe Angst vor dem Amt.',
            'Dealing with authorities makes me anxious or stressed.',
          ],
          [
            'Kontakte mit Ämtern lösen bei der Person Angst oder Stress aus.',
            'Die Person hat Angst vor dem Amt.',
            'Dealing with authorities makes the person anxious or stressed.',
          ],
          { reverse: true },
        ),
      ],
    ),
    {
      key: 'life_satisfaction',
      kind: 'global',
      title: t(['Lebenszufriedenheit', 'Zufriedenheit', 'Life satisfaction']),
      help: t([
        'Gesamteinschätzung von 0 (ganz und gar unzufrieden) bis 10 (ganz und gar zufrieden).',
        '0 heißt: gar nicht zufrieden. 10 heißt: sehr zufrieden.',
        'Overall rating from 0 (completely dissatisfied) to 10 (completely satisfied).',
      ]),
      reference: { sd: 20, reliability: 0.7 },
      items: [
        {
          key: 'life_satisfaction_rating',
          type: 'scale',
          scale: satisfaction,
          required: true,
          reverse: false,
          scored: true,
          role: 'rating',
          texts: {
            self: t([
              'Alles in allem bin ich mit meinem Leben so zufrieden:',
              'So zufrieden bin ich mit meinem Leben:',
              'All in all, this is how satisfied I am with my life:',
            ]),
            professional: t([
              'Alles in allem ist die Person mit ihrem Leben so zufrieden:',
              'So zufrieden ist die Person mit ihrem Leben:',
              'All in all, this is how satisfied the person is with their life:',
            ]),
          },
        },
      ],
    },
  ],
};
