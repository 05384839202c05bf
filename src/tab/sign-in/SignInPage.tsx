// Embedded mode: pick a demo person (the local Graph emulator issues their token). Tenant mode: sign in
// with Microsoft (nested app authentication through Teams).
import { Avatar, Body1, Button, Field, Input, Spinner, Subtitle2, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { findMission } from '../../domain/reference';
import type { Locale } from '../../domain/schema/types';
import { DisplaySettings } from '../components/DisplaySettings';
import { ErrorMessage } from '../components/ErrorMessage';
import type { RuntimeConfig } from '../../client/runtime-config';
import type { ThemeName } from '../theme';
import { useSignInStyles } from './SignInPage.styles';
import { useSignIn } from './useSignIn';

export interface SignInPageProps {
  readonly config: RuntimeConfig;
  readonly signIn: (upn?: string) => Promise<void>;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly theme: ThemeName;
  readonly setTheme?: (theme: ThemeName) => void;
  /** The previous session ended (401). */
  readonly expired?: boolean;
}

export const SignInPage = (props: SignInPageProps) => {
  const { t } = useTranslation();
  const styles = useSignInStyles();
  const { pending, error, email, setEmail, submit } = useSignIn(props.signIn);
  const personas = props.config.personas ?? [];
  const roleLabel = (role: string): string => t(`signIn.roles.${role}`, { defaultValue: role });

  return (
    <main className={styles.root}>
      <div className={styles.settings}>
        <DisplaySettings
          locale={props.locale}
          setLocale={props.setLocale}
          theme={props.theme}
          setTheme={props.setTheme}
        />
      </div>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <Title2 as="h1" id="sign-in-title">
          {t('signIn.title')}
        </Title2>
        {props.expired ? (
          <ErrorMessage error={Object.assign(new Error('expired'), { status: 401 })} intent="warning" />
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        {props.config.authMode === 'tenant' ? (
          <>
            <Body1 as="p">{t('signIn.tenantIntro')}</Body1>
            <Button
              appearance="primary"
              size="large"
              onClick={() => void submit()}
              disabled={pending !== undefined}
            >
              {pending ? t('signIn.signingIn') : t('signIn.tenantSubmit')}
            </Button>
          </>
        ) : (
          <>
            <Body1 as="p">{t('signIn.localIntro')}</Body1>
            {personas.length > 0 ? (
              <>
                <Subtitle2 as="h2" id="people-heading">
                  {t('signIn.people')}
                </Subtitle2>
                <ul className={styles.people} aria-labelledby="people-heading">
                  {personas.map((person) => (
                    <li key={person.upn}>
                      <Button
                        className={styles.person}
                        appearance="secondary"
                        size="large"
                        disabled={pending !== undefined}
                        onClick={() => void submit(person.upn)}
                        icon={<Avatar name={person.displayName} size={32} aria-hidden />}
                        data-upn={person.upn}
                      >
                        <span className={styles.personText}>
                          <span>{person.displayName}</span>
                          <span className={styles.role}>
                            {roleLabel(person.role)}
                            {person.mission
                              ? ` · ${findMission(person.mission)?.name[props.locale] ?? person.mission}`
                              : ''}
                          </span>
                        </span>
                        {pending === person.upn ? (
                          <Spinner size="tiny" aria-label={t('signIn.signingIn')} />
                        ) : null}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <form
              className={styles.form}
              onSubmit={(event) => {
                event.preventDefault();
                if (email.trim()) void submit(email);
              }}
            >
              <Field
                label={personas.length > 0 ? t('signIn.orEmail') : t('signIn.emailLabel')}
                className={styles.email}
              >
                <Input
                  type="email"
                  value={email}
                  onChange={(_e, d) => setEmail(d.value)}
                  autoComplete="username"
                />
              </Field>
              <Button type="submit" appearance="primary" disabled={pending !== undefined || !email.trim()}>
                {t('signIn.submit')}
              </Button>
            </form>
          </>
        )}
      </section>
    </main>
  );
};
