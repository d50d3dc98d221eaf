import { useMemo } from 'react';
import { useGetMany } from 'react-admin';
import type { RenderInput } from '@backend/documents/rendering/render-input';
import type { Organisation, Plan, PlanContent } from '../types';

/** "227/KH-MTTQ-BTT" → 227: the register number the document prints with its own leading zero. */
const registerNumber = (number: Plan['number']): number | null => (number == null ? null : Number.parseInt(String(number), 10));

/**
 * Who signed for each organisation on the current content, and the title recorded as they signed (a
 * capacity's may differ from the organisation's); the approval signs for the issuer.
 */
function signers(plan: Plan | undefined): Pick<RenderInput, 'signerNames' | 'signerTitles'> {
  const signerNames: Record<string, string> = {};
  const signerTitles: Record<string, string | null> = {};
  for (const signature of plan?.signatures ?? []) {
    if (!signature.valid) continue;
    const organisationId = signature.kind === 'approval' ? plan!.issuerId : signature.organisationId;
    signerNames[organisationId] = signature.userName;
    signerTitles[organisationId] = signature.title;
  }
  return { signerNames, signerTitles };
}

/**
 * What the document renderer needs for `content`: the issuing and co-issuing organisations (as the
 * document printed them, once issued: a later rename changes the tree, not the document), and, for a
 * saved plan, its number, date and signers. Null until the organisations are loaded.
 */
export function usePreviewInput(content: PlanContent, plan?: Plan): RenderInput | null {
  const ids = [content.issuerId, ...content.coIssuerIds].filter(Boolean);
  const { data: organisations } = useGetMany<Organisation>('organisations', { ids });
  return useMemo(() => {
    const byId = new Map((organisations ?? []).filter(Boolean).map((organisation) => [organisation.id, organisation]));
    const issuer = plan?.issuedAs?.issuer ?? byId.get(content.issuerId);
    if (!issuer) return null;
    const number = registerNumber(plan?.number ?? null);
    return {
      content,
      issuer,
      coIssuers: plan?.issuedAs?.coIssuers ?? content.coIssuerIds.flatMap((id) => byId.get(id) ?? []),
      numbering: {
        number,
        symbol: plan?.symbol ?? `KH-${issuer.symbol}`,
        issuedAt: plan?.issuedAt ? new Date(plan.issuedAt) : null,
      },
      ...signers(plan),
      draft: number === null,
    };
  }, [content, organisations, plan]);
}
