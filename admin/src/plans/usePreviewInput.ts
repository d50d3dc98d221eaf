import { useMemo } from 'react';
import { useGetMany } from 'react-admin';
import type { RenderInput } from '@backend/documents/rendering/render-input';
import type { Organisation, Plan, PlanContent } from '../types';

/** "227/KH-MTTQ-BTT" → 227: the register number the document prints with its own leading zero. */
const registerNumber = (number: Plan['number']): number | null => (number == null ? null : Number.parseInt(String(number), 10));

/** Who signed for each organisation, from the signatures that still count; the approval signs for the issuer. */
function signerNames(plan: Plan | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const signature of plan?.signatures ?? []) {
    if (signature.valid) names[signature.kind === 'approval' ? plan!.issuerId : signature.organisationId] = signature.userName;
  }
  return names;
}

/**
 * What the document renderer needs for `content`: the issuing and co-issuing organisations, and,
 * for a saved plan, its number, date and signers. Null until the organisations are loaded.
 */
export function usePreviewInput(content: PlanContent, plan?: Plan): RenderInput | null {
  const ids = [content.issuerId, ...content.coIssuerIds].filter(Boolean);
  const { data: organisations } = useGetMany<Organisation>('organisations', { ids });
  return useMemo(() => {
    const byId = new Map((organisations ?? []).filter(Boolean).map((organisation) => [organisation.id, organisation]));
    const issuer = byId.get(content.issuerId);
    if (!issuer) return null;
    const number = registerNumber(plan?.number ?? null);
    return {
      content,
      issuer,
      coIssuers: content.coIssuerIds.flatMap((id) => byId.get(id) ?? []),
      numbering: {
        number,
        symbol: plan?.symbol ?? `KH-${issuer.symbol}`,
        issuedAt: plan?.issuedAt ? new Date(plan.issuedAt) : null,
      },
      signerNames: signerNames(plan),
      draft: number === null,
    };
  }, [content, organisations, plan]);
}
