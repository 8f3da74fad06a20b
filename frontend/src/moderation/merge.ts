// Moderator: two listings of one place become one, by name. The kept listing names the other
// as its source and search shows it once; nothing is deleted, and "Undo" separates them again.
import { op, payloadOf } from "../api/client";
import { t } from "../i18n";
import { distinctLabel, resolveName, sameNames, suggestNames } from "../leader/names";
import { actionMessage, field, h, setMessage, showFieldError } from "../ui/dom";

const MSG = "merge-message";

/** The service the box names, or null after saying beside it why not (none or several). */
async function chosenListing(box: HTMLInputElement, fieldId: string): Promise<{ id: string; name: string } | null> {
  const text = box.value.trim();
  if (!text) {
    showFieldError(fieldId, t("valid.required"));
    return null;
  }
  const found = await resolveName(text, ["service"]);
  if (!Array.isArray(found)) {
    showFieldError(fieldId, null);
    return { id: found.id, name: found.name };
  }
  const names = found.map(distinctLabel).join("; ");
  showFieldError(
    fieldId,
    !found.length ? t("merge.none", { name: text }) : sameNames(found, text) ? t("merge.which", { names }) : t("merge.didYouMean", { name: text, names }),
  );
  return null;
}

function nameBox(id: string): [HTMLInputElement, HTMLDataListElement] {
  const box = h("input", { type: "text", autocomplete: "off", maxlength: 200 }) as HTMLInputElement;
  const list = h("datalist", { id: `${id}-suggestions` }) as HTMLDataListElement;
  suggestNames(box, list, () => ["service"]);
  return [box, list];
}

export function mergePanel(): HTMLElement {
  const [keep, keepList] = nameBox("merge-keep");
  const [dup, dupList] = nameBox("merge-duplicate");
  const merge = h("button", { type: "button", id: "merge-submit", class: "primary", i18n: "merge.submit" });
  const undoSlot = h("div", { id: "merge-undo" });
  merge.addEventListener("click", async () => {
    undoSlot.replaceChildren();
    const [kept, other] = [await chosenListing(keep, "merge-keep"), await chosenListing(dup, "merge-duplicate")];
    if (!kept || !other) return;
    if (kept.id === other.id) {
      showFieldError("merge-duplicate", t("merge.same"));
      return;
    }
    setMessage(MSG, t("common.loading"));
    try {
      payloadOf((await op("mergeListings", { keepId: kept.id, duplicateIds: [other.id] })).mergeListings);
      setMessage(MSG, t("merge.done", { kept: kept.name, other: other.name }));
      const undo = h("button", { type: "button", id: "merge-undo-button", text: t("merge.undo") });
      undo.addEventListener("click", async () => {
        try {
          payloadOf((await op("unmergeListing", { serviceId: other.id })).unmergeListing);
          setMessage(MSG, t("merge.undone", { other: other.name }));
          undoSlot.replaceChildren();
        } catch (error) {
          setMessage(MSG, (error as Error).message, true);
        }
      });
      undoSlot.replaceChildren(undo);
    } catch (error) {
      setMessage(MSG, (error as Error).message, true);
    }
  });
  return h(
    "section",
    { id: "merge", class: "panel merge", "aria-labelledby": "merge-heading" },
    h("h2", { id: "merge-heading", i18n: "merge.heading" }),
    h("p", { class: "help", i18n: "merge.help" }),
    field("merge-keep", "merge.keep", keep),
    keepList,
    field("merge-duplicate", "merge.duplicate", dup),
    dupList,
    merge,
    actionMessage(MSG),
    undoSlot,
  );
}
