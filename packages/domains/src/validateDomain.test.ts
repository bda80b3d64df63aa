import { describe, expect, it } from "vitest";
import { normalizeDomain } from "./normalizeDomain.js";
import { type InvalidDomainReason, validateDomain } from "./validateDomain.js";

const label63 = "a".repeat(63);
const label64 = "a".repeat(64);
// 4 labels of 63 + "com" joined by dots = 4*63 + 3 + 4 = 259 > 253; trim to exactly 253.
const name253 = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
const name254 = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.com`;

describe("validateDomain: valid names", () => {
  it.each([
    ["example.com", "example.com", "example.com", "example", "com", "com"],
    ["EXAMPLE.COM", "example.com", "example.com", "example", "com", "com"],
    ["example.com.", "example.com", "example.com", "example", "com", "com"],
    ["https://www.Example.com/path?q=1#x", "example.com", "example.com", "example", "com", "com"],
    ["http://user:pw@example.com:8080/", "example.com", "example.com", "example", "com", "com"],
    ["//example.io", "example.io", "example.io", "example", "io", "io"],
    ["bar.co.uk", "bar.co.uk", "bar.co.uk", "bar", "uk", "co.uk"],
    ["bücher.de", "xn--bcher-kva.de", "bücher.de", "xn--bcher-kva", "de", "de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de", "bücher.de", "xn--bcher-kva", "de", "de"],
    ["faß.de", "xn--fa-hia.de", "faß.de", "xn--fa-hia", "de", "de"],
    ["例え.みんな", "xn--r8jz45g.xn--q9jyb4c", "例え.みんな", "xn--r8jz45g", "xn--q9jyb4c", "xn--q9jyb4c"],
    ["пример.рф", "xn--e1afmkfd.xn--p1ai", "пример.рф", "xn--e1afmkfd", "xn--p1ai", "xn--p1ai"],
    ["ＥＸＡＭＰＬＥ。com", "example.com", "example.com", "example", "com", "com"],
    [`${label63}.com`, `${label63}.com`, `${label63}.com`, label63, "com", "com"],
    [name253, name253, name253, "d".repeat(57), "com", "com"],
    ["abc--d.com", "abc--d.com", "abc--d.com", "abc--d", "com", "com"],
    ["a-b.com", "a-b.com", "a-b.com", "a-b", "com", "com"],
    ["3m.com", "3m.com", "3m.com", "3m", "com", "com"],
    ["x.com", "x.com", "x.com", "x", "com", "com"],
    ["example.com.au", "example.com.au", "example.com.au", "example", "au", "com.au"],
    ["www.co.uk.example.org", "co.uk.example.org", "co.uk.example.org", "example", "org", "org"],
  ])("%s → %s", (input, domain, unicode, label, tld, publicSuffix) => {
    const result = validateDomain(input, { allowSubdomains: input.split(".").length > 3 });
    expect(result).toMatchObject({ valid: true, domain, unicode, label, tld, publicSuffix });
  });
});

describe("validateDomain: invalid names", () => {
  it.each<[string, InvalidDomainReason]>([
    ["", "empty"],
    ["   ", "empty"],
    ["https://", "empty"],
    ["192.168.0.1", "ip-address"],
    ["[::1]", "ip-address"],
    ["exa mple.com", "invalid-character"],
    ["a_b.com", "invalid-character"],
    ["ex!ample.com", "invalid-character"],
    ["xn--a.com", "invalid-punycode"],
    ["xn--zz.com", "invalid-punycode"],
    [`${label64}.com`, "label-too-long"],
    [name254, "name-too-long"],
    ["a..com", "empty-label"],
    [".example.com", "empty-label"],
    ["-abc.com", "leading-hyphen"],
    ["abc-.com", "trailing-hyphen"],
    ["ab--cd.com", "reserved-hyphens"],
    ["localhost", "missing-tld"],
    ["example.123", "numeric-tld"],
    ["example.notatld", "unknown-tld"],
    ["example.local", "unknown-tld"],
    ["例え.テスト", "unknown-tld"],
    ["co.uk", "public-suffix-only"],
    ["com", "missing-tld"],
    ["shop.example.com", "subdomain"],
    ["a.b.co.uk", "subdomain"],
  ])("%j → %s", (input, reason) => {
    const result = validateDomain(input);
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses emoji labels unless allowed, and labels that mix scripts", () => {
    expect(validateDomain("💩.la")).toMatchObject({ valid: false, reason: "symbol-in-idn" });
    expect(validateDomain("xn--ls8h.la")).toMatchObject({ valid: false, reason: "symbol-in-idn" });
    expect(validateDomain("💩.la", { allowSymbols: true })).toMatchObject({ valid: true, domain: "xn--ls8h.la" });
    // Latin "p", "y", "l" with Cyrillic "а": a homograph of paypal.
    expect(validateDomain("p\u0430ypal.com")).toMatchObject({ valid: false, reason: "mixed-script" });
    // All-Cyrillic look-alikes are a valid name; @nomen/guard's output filter deals with them.
    expect(validateDomain("\u0430\u0440\u0440\u04cf\u0435.com")).toMatchObject({
      valid: true,
      domain: "xn--80ak6aa92e.com",
    });
    // Japanese mixes Han and kana; that is one writing system, not a homograph.
    expect(validateDomain("例え.みんな").valid).toBe(true);
  });

  it("checks the 63-octet limit on the ASCII form of an IDN label", () => {
    // 60 × "ü" is 60 characters but its punycode A-label is far longer than 63 octets.
    expect(validateDomain(`${"ü".repeat(60)}.de`)).toMatchObject({ valid: false, reason: "label-too-long" });
  });

  it("restricts suffixes with allowedTlds, matching the public suffix or the TLD", () => {
    expect(validateDomain("a.io", { allowedTlds: ["com"] })).toMatchObject({ reason: "tld-not-allowed" });
    expect(validateDomain("a.io", { allowedTlds: [".io"] }).valid).toBe(true);
    expect(validateDomain("a.co.uk", { allowedTlds: ["uk"] }).valid).toBe(true);
    expect(validateDomain("a.co.uk", { allowedTlds: ["co.uk"] }).valid).toBe(true);
    expect(validateDomain("a.org.uk", { allowedTlds: ["co.uk"] })).toMatchObject({ reason: "tld-not-allowed" });
    expect(validateDomain("пример.рф", { allowedTlds: ["рф"] }).valid).toBe(true);
  });

  it("accepts subdomains when asked and reports them", () => {
    expect(validateDomain("shop.example.co.uk", { allowSubdomains: true })).toMatchObject({
      valid: true,
      domain: "shop.example.co.uk",
      label: "example",
      subdomain: "shop",
      publicSuffix: "co.uk",
    });
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["HTTPS://www.Bücher.de/path?q=1", "xn--bcher-kva.de"],
    ["  Example.COM.  ", "example.com"],
    ["ftp://example.org:21/file", "example.org"],
    ["www.example.com", "example.com"],
    ["www.com", "www.com"],
    ["ＥＸＡＭＰＬＥ.com", "example.com"],
    ["exa mple.com", "exa mple.com"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });
});
