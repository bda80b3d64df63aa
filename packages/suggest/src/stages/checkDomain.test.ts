import { describe, expect, it } from "vitest";
import { resolveRequest } from "../request.js";
import { checkDomain } from "./checkDomain.js";

describe("checkDomain", () => {
  const request = resolveRequest({
    business_description: "A bakery",
    tlds: ["com", "co.uk"],
    max_length: 10,
    include: ["bake"],
    exclude: ["cheap"],
  });

  it.each([
    ["bakehouse.com", { ok: true, domain: "bakehouse.com", label: "bakehouse" }],
    ["BakeHouse.COM", { ok: true, domain: "bakehouse.com", label: "bakehouse" }],
    ["bakehouse.co.uk", { ok: true, domain: "bakehouse.co.uk", label: "bakehouse" }],
    ["bakehouse.io", { ok: false, reason: "invalid" }],
    ["bakehouse.notatld", { ok: false, reason: "invalid" }],
    ["-bake.com", { ok: false, reason: "invalid" }],
    ["bakehouse12.com", { ok: false, reason: "too-long" }],
    ["bake-it.com", { ok: false, reason: "hyphen" }],
    ["bake24.com", { ok: false, reason: "digit" }],
    ["breadly.com", { ok: false, reason: "missing-include" }],
    ["cheapbake.com", { ok: false, reason: "excluded-word" }],
  ])("%s → %j", (domain, expected) => {
    expect(checkDomain(domain, request)).toEqual(expected);
  });

  it("allows hyphens and digits when asked", () => {
    const lax = resolveRequest({ business_description: "x", allow_hyphens: true, allow_digits: true });
    expect(checkDomain("bake-24.com", lax)).toMatchObject({ ok: true });
  });
});
