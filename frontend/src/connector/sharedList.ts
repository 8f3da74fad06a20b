// The printable shared shortlist: `/shortlist/<token>` (server list) or `#/list?ids=a,b`.
import { ApiError, op } from "../api/client";
import { onLanguageChange, t } from "../i18n";
import { h, setMessage } from "../ui/dom";
import { serviceDetail, type ServiceView } from "./detail";

export function sharedListView(root: HTMLElement, source: { token?: string; ids?: string[] }): () => void {
  let services: ServiceView[] = [];
  const body = h("div", { id: "shared-items" });
  const print = h("button", { type: "button", id: "print-shared", i18n: "shortlist.print" });
  print.addEventListener("click", () => window.print());
  root.replaceChildren(
    h(
      "section",
      { class: "screen shared", "aria-labelledby": "shared-heading" },
      h("h1", { id: "shared-heading", i18n: "shortlist.shared" }),
      h("p", { class: "intro", i18n: "shortlist.sharedIntro" }),
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
      setMessage("shared-message", "");
      draw();
    } catch (error) {
      setMessage("shared-message", (error as Error).message, true);
    }
  })();
  return onLanguageChange(draw);
}
