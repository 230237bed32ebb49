import {
  AGENCY_LOGO_MAX_BYTES,
  type AgencySettings,
  type AgencyView,
  defaultAgencySettings,
  type UploadAgencyLogoRequest,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { deleteLogo, findAgency, findLogo, updateAgencySettings, upsertLogo } from './agency.repo.ts';
import { checkedLogo } from './logo-check.ts';

async function load(scope: ActorScope): Promise<AgencyView> {
  const row = await findAgency(scope.tx, scope.actor.agencyId);
  if (!row) throw notFound();
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: { ...defaultAgencySettings, ...row.settings },
    logo:
      row.logo_type && row.logo_at
        ? {
            contentType: row.logo_type,
            bytes: Number(row.logo_bytes),
            updatedAt: new Date(row.logo_at).toISOString(),
          }
        : null,
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
      ...(patch.letterheadName !== undefined ? { letterheadName: patch.letterheadName } : {}),
    };
    // An empty letterhead name means "the agency's own name": nothing to store.
    if (!settings.letterheadName) delete settings.letterheadName;
    const floor = ctx.config.statistics.suppressionThreshold;
    if (settings.suppressionThreshold !== undefined && settings.suppressionThreshold < floor) {
      throw badRequest(`Die Schwelle für kleine Fallzahlen darf nicht unter ${floor} liegen.`, [
        { path: 'suppressionThreshold', message: `mindestens ${floor}` },
      ]);
    }
    await updateAgencySettings(scope.tx, actor.agencyId, settings);
    await scope.audit({
      action: 'agency.settings.change',
      resourceType: 'agency',
      resourceId: actor.agencyId,
      details: {
        mfaRequiredRoles: settings.mfaRequiredRoles,
        suppressionThreshold: settings.suppressionThreshold ?? null,
        contactNotesTeamWide: settings.contactNotesTeamWide ?? false,
        timeZone: settings.timeZone ?? null,
        letterheadName: settings.letterheadName ?? null,
      },
    });
    return { ...before, settings };
  });
}

/** The letterhead logo (PNG or JPEG) for the settings page's preview. */
export function logo(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'agency.read');
    const row = await findLogo(scope.tx, actor.agencyId);
    if (!row) throw notFound('Kein Logo hinterlegt.');
    return { contentType: row.content_type, data: Buffer.from(row.data) };
  });
}

/**
 * Stores the letterhead logo after checking that the content is a PNG or JPEG of the declared type
 * that the PDF renderer can embed; replaces an earlier one.
 */
export function uploadLogo(ctx: AppContext, actor: Actor, upload: UploadAgencyLogoRequest) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'agency.configure');
    const data = await checkedLogo(upload.contentType, upload.data, AGENCY_LOGO_MAX_BYTES);
    await upsertLogo(scope.tx, {
      agencyId: actor.agencyId,
      contentType: upload.contentType,
      data,
      now: scope.now,
      userId: actor.userId,
    });
    await scope.audit({
      action: 'agency.logo.change',
      resourceType: 'agency',
      resourceId: actor.agencyId,
      details: { contentType: upload.contentType, bytes: data.length },
    });
    return load(scope);
  });
}

/** Removes the letterhead logo; PDFs then show the name only. */
export function removeLogo(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'agency.configure');
    if (await deleteLogo(scope.tx, actor.agencyId))
      await scope.audit({ action: 'agency.logo.remove', resourceType: 'agency', resourceId: actor.agencyId });
    return load(scope);
  });
}
