import { render } from "ink";
import { openBackend } from "../backend.js";
import { copyWithOsc52 } from "../clipboard.js";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { History } from "../store/History.js";
import { Shortlist } from "../store/Shortlist.js";
import { App } from "../ui/App.js";

/** Flags of the interactive app (`nomen` with no command). */
export interface InteractiveFlags {
  model?: string;
  adapter?: string;
  demo?: boolean;
  config?: string;
}

/** `nomen`: the Ink app. Needs a terminal on stdin and stdout. */
export async function interactiveCommand(flags: InteractiveFlags): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('The interactive app needs a terminal. Hint: nomen suggest "…" for scripts, nomen --help.');
  }
  const config = loadCliConfig({ file: flags.config, flags: { model: flags.model, adapter: flags.adapter } });
  const backend = await openBackend({ model: config.model, adapter: config.adapter, demo: flags.demo });
  const app = render(
    <App
      backend={backend}
      switchBackend={(model, adapter) => openBackend({ model, adapter, demo: flags.demo && !model })}
      shortlist={new Shortlist({ dataDir: config.dataDir })}
      history={new History({ dataDir: config.dataDir })}
      copy={(text) => copyWithOsc52(text)}
      exportDir={process.cwd()}
      initialOptions={{ count: config.count, tlds: config.tlds, style: config.style, maxLength: config.maxLength }}
      checkAvailability={config.checkAvailability}
      model={config.model}
      adapter={config.adapter}
    />,
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return 0;
}
