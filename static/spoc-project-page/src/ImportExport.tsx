import Button from '@atlaskit/button/new';
import { useState, type FormEvent } from 'react';
import { useReply } from './Loaded';
import { exportConfiguration, getConfiguration, importConfiguration, type Reply } from './api';
import { fieldStyle, formBox, inputStyle, sectionTitle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';

/** Import/export of the whole configuration as JSON; the download link is made here, in the browser. */
const codeBox = { ...inputStyle, width: '100%', boxSizing: 'border-box', fontFamily: 'monospace' } as const;

export function ImportExport({ isAdmin }: { isAdmin: boolean }) {
  const [exported, setExported] = useState<Reply<string> | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<Reply<string> | null>(null);
  const [busy, setBusy] = useState(false);
  // The version the import replaces: read when the page opened, so a change made meanwhile is refused.
  const [generation, setGeneration] = useState(0);
  const current = useReply(getConfiguration, [generation]);

  const runExport = async () => {
    const reply = await exportConfiguration();
    setExported(reply.ok ? { ok: true, data: JSON.stringify(reply.data, null, 2) } : reply);
  };

  const runImport = async (event: FormEvent) => {
    event.preventDefault();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      return setResult({ ok: false, error: messages.notJson((error as Error).message) });
    }
    if (!current?.ok) return setResult(current ?? { ok: false, error: messages.loading });
    setBusy(true);
    const reply = await importConfiguration(document, current.data.version);
    setBusy(false);
    if (reply.ok) setGeneration((g) => g + 1);
    setResult(
      reply.ok
        ? { ok: true, data: [messages.imported(reply.data.version), ...reply.data.warnings].join(' ') }
        : reply,
    );
  };

  return (
    <section>
      <h3 style={sectionTitle}>{messages.exportTitle}</h3>
      <p>{messages.exportIntro}</p>
      <Button testId="export-run" onClick={() => void runExport()}>
        {messages.exportButton}
      </Button>
      {exported && !exported.ok && (
        <Notice tone="error" testId="export-error">
          {exported.error}
        </Notice>
      )}
      {exported?.ok && (
        <div style={formBox}>
          <p>
            <a
              data-testid="export-download"
              download="spoc-configuration.json"
              href={`data:application/json;charset=utf-8,${encodeURIComponent(exported.data)}`}
            >
              {messages.download}
            </a>
          </p>
          <label style={fieldStyle}>
            <span style={fieldStyle}>{messages.exportLabel}</span>
            <textarea data-testid="export-json" readOnly rows={12} value={exported.data} style={codeBox} />
          </label>
        </div>
      )}
      <h3 style={sectionTitle}>{messages.importTitle}</h3>
      {isAdmin ? (
        <form onSubmit={(e) => void runImport(e)}>
          <p>{messages.importIntro}</p>
          <label style={fieldStyle}>
            <span style={fieldStyle}>{messages.importLabel}</span>
            <textarea
              data-testid="import-json"
              rows={12}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
              style={codeBox}
            />
          </label>
          {result && (
            <Notice
              tone={result.ok ? 'information' : 'error'}
              testId={result.ok ? 'import-done' : 'import-error'}
            >
              {result.ok ? result.data : result.error}
            </Notice>
          )}
          <Button type="submit" appearance="primary" testId="import-run" isDisabled={busy}>
            {busy ? messages.saving : messages.importButton}
          </Button>
        </form>
      ) : (
        <Notice tone="information" testId="read-only">
          {messages.importReadOnly}
        </Notice>
      )}
    </section>
  );
}
