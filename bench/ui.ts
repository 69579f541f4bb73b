/** Each Custom UI bundle's gzipped first load against its floor (the build's own measure, scripts/build-ui.ts). */
import { buildUi } from '../scripts/build-ui';

export interface UiSize {
  readonly module: string;
  readonly gzipKB: number;
  readonly floorKB: number;
  readonly overBudget: readonly string[];
}

export async function uiSizes(): Promise<readonly UiSize[]> {
  const build = await buildUi({ quiet: true });
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return build.bundles.map((b) => ({
    module: b.name,
    gzipKB: kb(b.initialGzipBytes),
    floorKB: kb(b.floorGzipBytes),
    overBudget: b.overBudget,
  }));
}
