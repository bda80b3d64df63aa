import { describe, expect, it } from "vitest";
import { filterNames } from "./filterNames.js";

describe("filterNames: ordinary names (slow: pnpm --filter @nomen/guard test:slow)", () => {
  // Two common words per name, the way a name generator combines them; none is a brand on purpose.
  const words =
    "bright lunar green swift blue river stone oak maple cedar pine harbor harvest golden silver iron copper coral ember maple north south east west urban rural sunny cloud spark bloom petal leaf root seed field meadow valley summit peak ridge canyon prairie ocean tide wave shore coast island bay creek brook lake pond rain storm thunder snow frost breeze wind fire flame glow light shadow dawn dusk night star moon sun sky orbit comet nova pixel byte code data logic mind brain smart wise clever quick rapid fast bold brave true pure fresh clean clear simple honest happy merry jolly cozy warm home nest hive den lodge cabin house studio works lab forge mill craft maker build stack layer block cube sphere circle square line point path road trail route bridge gate door key lock vault safe shield guard care kind heart soul spirit zen calm peace haven oasis garden grove orchard farm ranch barn market bazaar shop store cart basket box crate bag pack kit tool gear wheel engine motor drive ride fleet cargo freight parcel post mail note page book story tale word verse song tune beat rhythm melody chord bakery bistro cafe kitchen pantry spice salt pepper honey sugar cocoa coffee tea brew bean grain bread crust dough pie cake cookie candy treat snack feast dish plate bowl cup mug glass bottle barrel cask vine grape berry apple peach plum cherry lemon lime mango melon olive basil mint sage thyme rose lily daisy tulip iris fern moss ivy willow birch elm ash aspen".split(
      " ",
    );

  it("drops at most 1% of 3,000 ordinary two-word names", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const names = Array.from({ length: 3000 }, (_, i) => {
      const a = words[Math.floor(random() * words.length)]!;
      const b = words[Math.floor(random() * words.length)]!;
      const tld = ["com", "io", "co", "shop", "app"][i % 5];
      return i % 3 === 0 ? `${a}-${b}.${tld}` : `${a}${b}.${tld}`;
    });
    const { dropped } = filterNames(names);
    console.info(
      `guard output filter: dropped ${dropped.length}/3000 ordinary names: ${dropped.map((d) => d.domain).join(" ")}`,
    );
    expect(dropped.length / names.length).toBeLessThanOrEqual(0.01);
  });
});
