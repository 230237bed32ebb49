import { type FocusEvent, type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandContent, Footer, SkipLink } from '../app/ShellFrame.tsx';
import { type Language, languages, setLanguage } from '../i18n/language.ts';
import { useInteractionData } from '../ui/PlainButton.tsx';

/**
 * The frame of a public page, as the staff app's Shell shows it to someone not signed in: skip link,
 * header with the language switch, main content, footer. A page is loaded once and never navigates
 * inside the app, so the Shell's focus move after navigation has nothing to do here.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  return (
    <>
      <SkipLink mainRef={mainRef} />
      <header className="app-header">
        <div className="app-header__bar">
          <div className="app-header__inner">
            <a href="/" className="brand">
              <BrandContent />
            </a>
            <div className="app-header__tools">
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {children}
      </main>
      <Footer />
    </>
  );
}

/**
 * The staff header's language switch (react-aria's ToggleButtonGroup with single selection) on native
 * buttons, with the same roles and keys: a radio group whose options are all in the Tab order; the
 * arrow keys move between them, Tab leaves the group, and coming back returns to the last option used.
 */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const groupRef = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const options = () => [...(groupRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const inside = (node: EventTarget | null) => node instanceof Node && !!groupRef.current?.contains(node);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = options();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowRight') list[Math.min(index + 1, list.length - 1)]?.focus();
    else if (event.key === 'ArrowLeft') list[Math.max(index - 1, 0)]?.focus();
    else if (event.key === 'Tab') {
      // Leave the whole group: go to its first or last option and let the browser move on from there.
      lastFocused.current = document.activeElement as HTMLElement;
      (event.shiftKey ? list[0] : list.at(-1))?.focus();
      return;
    } else return;
    event.stopPropagation();
    event.preventDefault();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!inside(event.relatedTarget) && !lastFocused.current) lastFocused.current = event.target;
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (lastFocused.current && !inside(event.relatedTarget) && inside(event.target)) {
      lastFocused.current.focus();
      lastFocused.current = null;
    }
  };

  return (
    <div
      ref={groupRef}
      className="language-switch"
      role="radiogroup"
      aria-orientation="horizontal"
      aria-label={t('shell.language')}
      onKeyDownCapture={onKeyDown}
      onFocusCapture={onFocus}
      onBlurCapture={onBlur}
    >
      {languages.map((language) => (
        <LanguageOption
          key={language}
          language={language}
          selected={language === current}
          onSelect={() => {
            if (language !== current) void setLanguage(language);
          }}
        />
      ))}
    </div>
  );
}

function LanguageOption({
  language,
  selected,
  onSelect,
}: {
  language: Language;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const interaction = useInteractionData();
  return (
    // biome-ignore lint/a11y/useSemanticElements: the roles of react-aria's ToggleButtonGroup in the staff header, so both switches read alike
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      lang={language}
      className="language-switch__option"
      {...interaction}
      data-selected={selected || undefined}
      onClick={onSelect}
    >
      {t(`languages.${language}`)}
    </button>
  );
}
