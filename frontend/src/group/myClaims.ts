// The group's claims to listings another organisation provided (myClaims): waiting for a
// moderator, approved (the listing is now in "Your listings"), or turned down with the
// moderator's reason — so a group learns the outcome where it keeps its listings.
import { op } from "../api/client";
import type { MyClaimsQuery } from "../api/generated/graphql";
import { t, type MessageKey } from "../i18n";
import { formatDate, h } from "../ui/dom";

export type Claim = MyClaimsQuery["myClaims"][number];

export async function myClaims(): Promise<Claim[]> {
  return (await op("myClaims")).myClaims;
}

function claimItem(claim: Claim): HTMLElement {
  const name = claim.serviceName ?? claim.serviceId;
  const status = claim.status.toLowerCase();
  const decided = formatDate(claim.decidedAt);
  return h(
    "li",
    { class: `claim claim-${status}`, "data-id": claim.serviceId },
    h("h3", {}, h("a", { href: `#/listing/${encodeURIComponent(claim.serviceId)}`, target: "_blank", rel: "noopener", text: name })),
    h("dl", {},
      h("dt", { text: t("group.claim.status") }),
      h("dd", { class: "claim-status", text: t(`group.claim.${status}` as MessageKey) }),
      claim.reason ? h("dt", { text: t("group.reason") }) : null,
      claim.reason ? h("dd", { class: "claim-reason", text: claim.reason }) : null,
      h("dt", { text: t("group.claim.asked") }),
      h("dd", { text: formatDate(claim.askedAt) ?? "" }),
      decided ? h("dt", { text: t("group.claim.decided") }) : null,
      decided ? h("dd", { text: decided }) : null,
    ),
  );
}

/** The "Your claims" section, or nothing when the organisation has made no claim. */
export function claimsSection(claims: Claim[]): HTMLElement | string {
  if (!claims.length) return "";
  return h(
    "section",
    { class: "panel", id: "my-claims", "aria-labelledby": "claims-heading" },
    h("h2", { id: "claims-heading", text: t("group.claim.heading") }),
    h("p", { text: t("group.claim.intro") }),
    h("ul", { class: "my-claims" }, ...claims.map(claimItem)),
  );
}
