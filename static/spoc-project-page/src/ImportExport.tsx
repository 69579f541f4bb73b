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
import { FormField } from './fields';
import { fieldStyle, formBox, inputStyle, labelStyle, sectionTitle } from './forms';
import { importChanges, type ImportChanges, type PartChanges } from './importPreview';
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
  // The text whose changes are shown: importing takes a second press, once they were seen.
  const [previewed, setPreviewed] = useState<{ text: string; changes: ImportChanges } | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const ready = previewed !== null && previewed.text === text;

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setFileNote(messages.importFileRead(file.name));
    setResult(null);
  };

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
      setPreviewed(null);
      return setResult(fail(messages.notJson((error as Error).message), 'invalid-input'));
    }
    if (!ready) {
      setResult(null);
      const incoming =
        typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
      return setPreviewed({ text, changes: importChanges(view.document, incoming) });
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
      <form noValidate onSubmit={(e) => void runImport(e)}>
        <p data-testid="import-intro">{messages.importIntro(view.version)}</p>
        <FormField id="import-file" label={messages.importFileLabel} helper={messages.importFileHelper}>
          {(aria) => (
            <input
              id="import-file"
              data-testid="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => void readFile(e.target.files?.[0])}
              {...aria}
            />
          )}
        </FormField>
        {fileNote && (
          <p role="status" data-testid="import-file-read">
            {fileNote}
          </p>
        )}
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
            style={codeBox}
          />
        </div>
        {ready && <ChangesShown changes={previewed.changes} version={view.version} />}
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
          {busy ? messages.saving : ready ? messages.importConfirm : messages.importButton}
        </Button>
      </form>
    </>
  );
}

/** The import's changes, part by part, with the names of what is added, removed or changed. */
function ChangesShown({ changes, version }: { changes: ImportChanges; version: number }) {
  const part = (key: 'clients' | 'rules' | 'rosters' | 'profiles', c: PartChanges) => {
    const bits = [
      ...(c.added.length ? [`${messages.importAdded}: ${c.added.join('; ')}`] : []),
      ...(c.removed.length ? [`${messages.importRemoved}: ${c.removed.join('; ')}`] : []),
      ...(c.changed.length ? [`${messages.importChanged}: ${c.changed.join('; ')}`] : []),
    ];
    return (
      <li key={key} data-testid={`import-changes-${key}`}>
        <strong>{messages.importPart[key]}</strong>:{' '}
        {bits.length ? bits.join(' · ') : messages.importUnchanged}
      </li>
    );
  };
  return (
    <section data-testid="import-changes" aria-labelledby="import-changes-title" style={formBox}>
      <h4 id="import-changes-title" style={{ marginTop: 0 }}>
        {messages.importChangesTitle}
      </h4>
      {changes.nothing ? (
        <p>{messages.importNothing}</p>
      ) : (
        <ul>
          {part('clients', changes.clients)}
          {part('rules', changes.rules)}
          {part('rosters', changes.rosters)}
          {part('profiles', changes.profiles)}
          <li data-testid="import-changes-policy">{messages.importPolicy(changes.policy)}</li>
          {changes.settings && <li>{messages.importSettings}</li>}
        </ul>
      )}
      <p>{messages.importReplaces(version)}</p>
    </section>
  );
}
