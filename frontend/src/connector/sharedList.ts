// The printable shared shortlist: `/shortlist/<token>` (server list) or `#/list?ids=a,b`;
// and one listing as the public sees it, `#/listing/<id>` (opened from a likely duplicate or
// the moderation queue).
import { ApiError, op } from "../api/client";
import { vocabulary } from "../api/vocabulary";
import { onLanguageChange, t } from "../i18n";
import { h, setMessage } from "../ui/dom";
import { serviceDetail, type ServiceView } from "./detail";

export function sharedListView(root: HTMLElement, source: { token?: string; ids?: string[]; single?: boolean }): () => void {
  let services: ServiceView[] = [];
  const body = h("div", { id: "shared-items" });
  const print = h("button", { type: "button", id: "print-shared", i18n: "shortlist.print" });
  print.addEventListener("click", () => window.print());
  root.replaceChildren(
    h(
      "section",
      { class: "screen shared", "aria-labelledby": "shared-heading" },
      h("h1", { id: "shared-heading", i18n: source.single ? "listing.heading" : "shortlist.shared" }),
      h("p", { class: "intro", i18n: source.single ? "listing.intro" : "shortlist.sharedIntro" }),
      h("div", { class: "actions no-print" }, print),
      h("p", { id: "shared-message", role: "status" }),
      body,
    ),
  );
  const draw = () => body.replaceChildren(...services.map((s) => serviceDetail(s, "h2")));
  void (async () => {
    setMessage("shared-message", t("common.loading"));
    try {
      if (source.token) {
        const data = await op("sharedShortlist", { token: source.token });
        if (!data.shortlist) throw new ApiError(t("shortlist.notFound"));
        services = data.shortlist.items.map((i) => i.service);
      } else {
        const found = await Promise.all(
          (source.ids ?? []).slice(0, 50).map((id) => op("serviceDetail", { id })),
        );
        services = found.map((f) => f.node).filter((n) => n.__typename === "Service");
        if (!services.length) throw new ApiError(t("shortlist.notFound"));
      }
      await vocabulary(); // needs and kinds in the reader's language
      setMessage("shared-message", "");
      draw();
    } catch (error) {
      setMessage("shared-message", (error as Error).message, true);
    }
  })();
  return onLanguageChange(draw);
}
