export {};
// Walking skeleton of the connector journey: query assetsNear and list the results.
const QUERY = `query Near($lat: Float!, $lon: Float!, $r: Float!) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: $r, first: 50) {
    edges { distanceKm node { id name } }
  }
}`;

interface Edge { distanceKm: number; node: { id: string; name: string } }

async function search(lat: number, lon: number, radiusKm: number): Promise<Edge[]> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: QUERY, variables: { lat, lon, r: radiusKm } }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data.assetsNear.edges as Edge[];
}

const form = document.querySelector<HTMLFormElement>("#near-form")!;
const statusLine = document.querySelector<HTMLParagraphElement>("#status")!;
const list = document.querySelector<HTMLOListElement>("#results")!;
const value = (id: string) => Number(document.querySelector<HTMLInputElement>(id)!.value);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  statusLine.textContent = "Searching…";
  list.replaceChildren();
  try {
    const edges = await search(value("#lat"), value("#lon"), value("#radius"));
    for (const edge of edges) {
      const item = document.createElement("li");
      item.dataset.id = edge.node.id;
      item.textContent = `${edge.node.name} — ${edge.distanceKm.toFixed(2)} km`;
      list.append(item);
    }
    statusLine.textContent = `${edges.length} found`;
  } catch (error) {
    statusLine.textContent = (error as Error).message;
  }
});
