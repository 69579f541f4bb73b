import Button from '@atlaskit/button/new';
import { useState, type FormEvent } from 'react';
import { fail } from '../../../src/contract/reply';
import { Loaded, useReply } from './Loaded';
import {
  exportConfiguration,
  getConfiguration,
  importConfiguration,
  type ConfigurationView,
  type Reply,
} from './api';
import { fieldStyle, formBox, inputStyle, labelStyle, sectionTitle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';

/**
 * Import/export of the whole configuration as JSON, for those who may change it; the download link is made
 * here, in the browser. An import replaces the version read when the page opened, so a change made
 * meanwhile is refused rather than overwritten.
 */
const codeBox = { ...inputStyle, width: '100%', boxSizing: 'border-box', fontFamily: 'monospace' } as const;

export function ImportExport() {
  const [generation, setGeneration] = useState(0);
  const current = useReply(getConfiguration, [generation]);
  // Kept here: the page reloads the configuration after an import and must still say how it went.
  const result = useState<Reply<string> | null>(null);
  return (
    <section>
      <Loaded reply={current}>
        {(view: ConfigurationView) =>
          view.canEdit ? (
            <Transfer view={view} result={result} onImported={() => setGeneration((g) => g + 1)} />
          ) : (
            <Notice tone="information" testId="read-only">
              {messages.importReadOnly}
            </Notice>
          )
        }
      </Loaded>
    </section>
  );
}

function Transfer({
  view,
  result: [result, setResult],
  onImported,
}: {
  view: ConfigurationView;
  result: [Reply<string> | null, (result: Reply<string> | null) => void];
  onImported: () => void;
}) {
  const [exported, setExported] = useState<Reply<string> | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

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
      return setResult(fail(messages.notJson((error as Error).message), 'invalid-input'));
    }
    setBusy(true);
    const reply = await importConfiguration(document, view.version);
    setBusy(false);
    setResult(
      reply.ok
        ? { ok: true, data: [messages.imported(reply.data.version), ...reply.data.warnings].join(' ') }
        : reply,
    );
    if (reply.ok) onImported();
  };

  return (
    <>
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
          <div style={fieldStyle}>
            <label htmlFor="export-json" style={labelStyle}>
              {messages.exportLabel}
            </label>
            <textarea
              id="export-json"
              data-testid="export-json"
              readOnly
              rows={12}
              value={exported.data}
              style={codeBox}
            />
          </div>
        </div>
      )}
      <h3 style={sectionTitle}>{messages.importTitle}</h3>
      <form onSubmit={(e) => void runImport(e)}>
        <p data-testid="import-intro">{messages.importIntro(view.version)}</p>
        <div style={fieldStyle}>
          <label htmlFor="import-json" style={labelStyle}>
            {messages.importLabel}
          </label>
          <textarea
            id="import-json"
            data-testid="import-json"
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            style={codeBox}
          />
        </div>
        <div aria-live="polite">
          {result && (
            <Notice
              tone={result.ok ? 'information' : 'error'}
              testId={result.ok ? 'import-done' : 'import-error'}
            >
              {result.ok ? result.data : result.error}
            </Notice>
          )}
        </div>
        <Button type="submit" appearance="primary" testId="import-run" isDisabled={busy}>
          {busy ? messages.saving : messages.importButton}
        </Button>
      </form>
    </>
  );
}
