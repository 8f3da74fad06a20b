// A listing form's "find" button by its postcode: the register and edit forms both place a
// listing by asking the server where a postcode is, so they share one way of doing it.
import { getJson } from "../api/client";
import type { PostcodePoint } from "../api/generated/rest";
import { showFieldError } from "../ui/dom";

/** Fills `form`'s postalCode (in normal form), latitude and longitude from the postcode typed
 * in it (`GET /api/postcodes/{postcode}`). A postcode the server refuses or does not know is
 * shown under the field `errorId`. Whether the point was found. */
export async function placeByPostcode(form: HTMLFormElement, errorId: string): Promise<boolean> {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  showFieldError(errorId, null);
  try {
    const point = await getJson<PostcodePoint>(`/api/postcodes/${encodeURIComponent(input("postalCode").value.trim())}`);
    input("postalCode").value = point.postcode;
    input("latitude").value = String(point.latitude);
    input("longitude").value = String(point.longitude);
    return true;
  } catch (error) {
    showFieldError(errorId, (error as Error).message);
    return false;
  }
}
