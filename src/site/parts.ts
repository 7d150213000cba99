/**
 * How a site build is split into Eleventy runs: what build.ts, which only schedules the runs,
 * shares with the planner (plan.ts) without loading the site's code.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** What renders pages: a change to any of it writes every page again. */
export const RENDERING_CODE = ['templates', 'src/site', 'src/contract.ts', '.eleventy.ts'].map((entry) => path.join(REPO_ROOT, entry));

/** Most pages one part renders: an Eleventy run holds every page it renders until it ends. */
export const DEFAULT_PAGES_PER_PART = 4000;

/** Parts rendered at once: one per core, and two at most, so that memory stays bounded. */
export const PARTS_AT_ONCE = Math.max(1, Math.min(2, availableParallelism()));
