import { type AgencySettings, type AgencyView, defaultAgencySettings } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';

interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyView['kind'];
  settings: Partial<AgencySettings>;
}

async function load(scope: ActorScope): Promise<AgencyView> {
  const row = (
    await scope.tx.query<AgencyRow>('SELECT id, name, kind, settings FROM agencies WHERE id = $1', [
      scope.actor.agencyId,
    ])
  ).rows[0];
  if (!row) throw notFound();
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: { ...defaultAgencySettings, ...row.settings },
  };
}

export function get(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'agency.read');
    return load(scope);
  });
}

export function updateSettings(ctx: AppContext, actor: Actor, patch: Partial<AgencySettings>) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'agency.configure');
    const before = await load(scope);
    const settings: AgencySettings = {
      ...defaultAgencySettings,
      ...before.settings,
      ...(patch.mfaRequiredRoles ? { mfaRequiredRoles: [...new Set(patch.mfaRequiredRoles)] } : {}),
      ...(patch.suppressionThreshold !== undefined
        ? { suppressionThreshold: patch.suppressionThreshold }
        : {}),
      ...(patch.contactNotesTeamWide !== undefined
        ? { contactNotesTeamWide: patch.contactNotesTeamWide }
        : {}),
      ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
    };
    const floor = ctx.config.statistics.suppressionThreshold;
    if (settings.suppressionThreshold !== undefined && settings.suppressionThreshold < floor) {
      throw badRequest(`Die Schwelle für kleine Fallzahlen darf nicht unter ${floor} liegen.`, [
        { path: 'suppressionThreshold', message: `mindestens ${floor}` },
      ]);
    }
    await scope.tx.query('UPDATE agencies SET settings = $2 WHERE id = $1', [
      actor.agencyId,
      JSON.stringify(settings),
    ]);
    await scope.audit({
      action: 'agency.settings.change',
      resourceType: 'agency',
      resourceId: actor.agencyId,
      details: {
        mfaRequiredRoles: settings.mfaRequiredRoles,
        suppressionThreshold: settings.suppressionThreshold ?? null,
        contactNotesTeamWide: settings.contactNotesTeamWide ?? false,
        timeZone: settings.timeZone ?? null,
      },
    });
    return { ...before, settings };
  });
}
