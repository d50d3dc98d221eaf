import { Box, Paper } from '@mui/material';
import { useTranslate } from 'react-admin';
import { buildPlanView, type PlanView, type SignatureBlockView } from '@backend/documents/rendering/plan-view-model';
import type { RunView } from '@backend/documents/rendering/inline-view';
import type { RenderInput } from '@backend/documents/rendering/render-input';
import { documentStyles } from './documentStyles';

/**
 * The plan as the DOCX will read: built by the very view model the Word templates are filled from
 * (header, derived numbering, signature blocks, Nơi nhận), laid out in HTML like the templates.
 */
export const DocumentPreview = ({ input }: { input: RenderInput }) => {
  const view = buildPlanView(input);
  const joint = input.content.kind === 'joint_plan';
  return (
    <Paper variant="outlined" sx={documentStyles} data-testid="document-preview">
      <div className="page">
        {view.draft && <DraftMark />}
        <DocumentHeader view={view} />
        <div className="heading">{view.heading}</div>
        <div className="title">{view.title}</div>
        <hr className="rule short" />
        {view.preambleLines.map((line, index) => (
          <p key={`preamble-${index}`} className={line.basis ? 'italic' : undefined}>
            <Runs runs={line.runs} />
          </p>
        ))}
        {view.body.map((block, index) => (
          <p key={index} className={blockClass(block)}>
            {block.label && <span className="label">{block.label} </span>}
            <Runs runs={block.runs} />
          </p>
        ))}
        {view.closingLines.map((line, index) => (
          <p key={`closing-${index}`}>
            <Runs runs={line.runs} />
          </p>
        ))}
        {joint ? <JointSignatures view={view} /> : <SingleSignature view={view} />}
        {view.form && <Appendix view={view} form={view.form} />}
      </div>
    </Paper>
  );
};

/** A numbered paragraph reads as body text after its number; other blocks by their type. */
const blockClass = (block: PlanView['body'][number]) =>
  block.asParagraph
    ? 'paragraph'
    : ((['heading1', 'heading2', 'heading3', 'paragraph', 'bullet', 'subbullet'] as const).find((type) => block[type]) ?? 'paragraph');

/** Inline emphasis as the document sets it. */
const Runs = ({ runs }: { runs: RunView[] }) => (
  <>
    {runs.map((run, index) => {
      const italic = run.italic || run.boldItalic;
      const bold = run.bold || run.boldItalic;
      const text = italic ? <em>{run.text}</em> : run.text;
      return <span key={index}>{bold ? <strong>{text}</strong> : text}</span>;
    })}
  </>
);

const DraftMark = () => {
  const translate = useTranslate();
  return <div className="draft-mark">{translate('kehoach.document.draft')}</div>;
};

const DocumentHeader = ({ view }: { view: PlanView }) => {
  const translate = useTranslate();
  return (
    <table className="header">
      <tbody>
        <tr>
          <td>
            <div>{view.organisationName}</div>
            <div className="bold">{view.bodyName}</div>
            <hr className="rule third" />
          </td>
          <td>
            <div className="bold nation">{translate('kehoach.document.nation')}</div>
            <div className="bold motto">{translate('kehoach.document.motto')}</div>
            <hr className="rule motto-rule" />
          </td>
        </tr>
        <tr>
          <td className="keep-spaces" data-testid="document-number">
            {translate('kehoach.document.number', { number: view.number, symbol: view.symbol })}
          </td>
          <td className="italic keep-spaces date">
            {view.place}, {view.date}
          </td>
        </tr>
      </tbody>
    </table>
  );
};

const SignatureBlock = ({ block }: { block: SignatureBlockView }) => {
  const translate = useTranslate();
  return (
    <div className="signature">
      {block.headLines.map((line, index) => (
        <div key={index} className="bold">{line}</div>
      ))}
      <div className={block.signed ? 'signed' : 'room-to-sign'}>{block.signed ? translate('kehoach.document.signed') : ''}</div>
      <div className="bold">{block.signerName}</div>
    </div>
  );
};

const Recipients = ({ view }: { view: PlanView }) => {
  const translate = useTranslate();
  return (
    <div className="recipients">
      <div className="recipients-title">{translate('kehoach.document.recipients')}</div>
      {view.recipients.map(({ label, note }, index) => (
        <div key={index}>
          - {label}
          {note && ` (${note})`};
        </div>
      ))}
      <div>- {view.archive}</div>
    </div>
  );
};

const SingleSignature = ({ view }: { view: PlanView }) => (
  <table className="signatures">
    <tbody>
      <tr>
        <td>
          <Recipients view={view} />
        </td>
        <td>
          <SignatureBlock block={view.signature} />
        </td>
      </tr>
    </tbody>
  </table>
);

/** Two blocks per row, the lead issuer on the right of the first row; Nơi nhận under all of them. */
const JointSignatures = ({ view }: { view: PlanView }) => (
  <>
    <table className="signatures">
      <tbody>
        {view.signatureRows.map((row, index) => (
          <tr key={index}>
            <td>{row.left && <SignatureBlock block={row.left} />}</td>
            <td>{row.right && <SignatureBlock block={row.right} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Recipients view={view} />
  </>
);

const Appendix = ({ view, form }: { view: PlanView; form: Exclude<PlanView['form'], false> }) => {
  const translate = useTranslate();
  return (
    <Box className="appendix">
      <div className="heading">{form.formTitle}</div>
      {form.subtitle && (
        <div className="heading">
          <Runs runs={form.subtitle.runs} />
        </div>
      )}
      <div className="italic center keep-spaces">
        {translate('kehoach.document.appendix_of', {
          documentName: view.documentName,
          number: view.number,
          symbol: view.symbol,
          date: view.shortDate,
          issuer: view.issuerFullName,
        })}
      </div>
      <table className="indicators">
        <thead>
          <tr>
            <th>{translate('kehoach.document.indicator_code')}</th>
            <th>{translate('kehoach.document.indicator')}</th>
            <th>{translate('kehoach.document.indicator_unit')}</th>
            <th>{translate('kehoach.document.indicator_value')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((row, index) => (
            <tr key={index} className={row.indicator ? undefined : 'bold'}>
              <td className="center">{row.number}</td>
              <td>
                <Runs runs={row.runs} />
              </td>
              <td className="center">{row.unit}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      {form.note && (
        <p>
          {translate('kehoach.document.form_note')} <Runs runs={form.note.runs} />
        </p>
      )}
    </Box>
  );
};
