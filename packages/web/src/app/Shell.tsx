import { useEffect, useId, useRef, useState } from 'react';
import { type Key, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { currentLanguage, type Language, setLanguage } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
import { useAuth, usePermissions, useUser } from './auth.tsx';
import { type Feature, type NavGroup, navEntries } from './features.ts';
import { BrandContent, Footer, SkipLink } from './ShellFrame.tsx';

/** Layout of every page: skip link, header with navigation, main content, footer. */
export function Shell() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation move focus to the new page's heading, as a full page load would
  // put screen-reader users at the top of the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <SkipLink mainRef={mainRef} />
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}

function Header() {
  const { t } = useTranslation();
  const { session, signOut } = useAuth();
  const user = useUser();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const entries = navEntries(usePermissions());

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the small-screen menu on navigation
  useEffect(() => {
    setMenuOpen(false);
  }, [location.pathname]);

  return (
    <header
      className={[
        'app-header',
        entries.length > 0 ? 'app-header--has-menu' : '',
        menuOpen ? 'app-header--open' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <div className="app-header__bar">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <BrandContent agency={user?.agency.name} />
          </Link>
          <div className="app-header__tools">
            <LanguageSwitch />
            {session ? (
              <div className="user-box">
                {user ? <span className="user-box__name">{user.displayName}</span> : null}
                <Button variant="on-dark" size="sm" onPress={() => void signOut()}>
                  {t('shell.signOut')}
                </Button>
              </div>
            ) : null}
          </div>
          {entries.length > 0 ? (
            <Button
              variant="on-dark"
              size="sm"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onPress={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-toggle__icon" aria-hidden="true" />
              {t('shell.menu')}
            </Button>
          ) : null}
        </div>
      </div>
      {entries.length > 0 ? (
        <nav
          id={navId}
          className={`app-nav${menuOpen ? ' app-nav--open' : ''}`}
          aria-label={t('shell.mainNavigation')}
        >
          <ul className="app-nav__list">
            {entries.map((entry) =>
              entry.kind === 'item' ? (
                <li key={entry.feature.id}>
                  <NavItem feature={entry.feature} />
                </li>
              ) : (
                <NavGroupItem key={entry.id} group={entry.id} items={entry.items} />
              ),
            )}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function NavItem({ feature }: { feature: Feature }) {
  const { t } = useTranslation();
  return (
    <NavLink to={feature.path} end={feature.path === '/'} className="app-nav__link">
      {t(`nav.${feature.id}`)}
    </NavLink>
  );
}

/**
 * A group of menu items behind a disclosure button (the navigation pattern, not an ARIA menu: the
 * items stay links in a list). Closes on navigation, Escape and a click or focus outside.
 */
function NavGroupItem({ group, items }: { group: NavGroup; items: Feature[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = items.some(
    (f) => location.pathname === f.path || location.pathname.startsWith(`${f.path}/`),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the group on navigation
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!itemRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  return (
    <li
      ref={itemRef}
      className="app-nav__group"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`app-nav__link app-nav__toggle${current ? ' app-nav__toggle--current' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        {t(`nav.group.${group}`)}
        <span className="app-nav__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul id={listId} className="app-nav__sublist" hidden={!open}>
        {items.map((feature) => (
          <li key={feature.id}>
            <NavItem feature={feature} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : currentLanguage();
  const onChange = (keys: Set<Key>) => {
    const [next] = [...keys];
    if (next === 'de' || next === 'en') void setLanguage(next as Language);
  };
  return (
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t('shell.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[language]}
      onSelectionChange={onChange}
    >
      <ToggleButton id="de" lang="de" className="language-switch__option">
        {t('languages.de')}
      </ToggleButton>
      <ToggleButton id="en" lang="en" className="language-switch__option">
        {t('languages.en')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
