// Copies the pinned builds of GraphiQL (with React) and Swagger UI from node_modules into
// dist/vendor, with the small start-up scripts in tools/, so the API's developer pages
// (/graphql in a browser, /docs) load nothing from another site: they work offline and
// obey the same Content-Security-Policy as the UI (no inline script).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "vendor");
const files = {
  "react.production.min.js": "node_modules/react/umd/react.production.min.js",
  "react-dom.production.min.js": "node_modules/react-dom/umd/react-dom.production.min.js",
  "graphiql.min.js": "node_modules/graphiql/graphiql.min.js",
  "graphiql.min.css": "node_modules/graphiql/graphiql.min.css",
  "swagger-ui-bundle.js": "node_modules/swagger-ui-dist/swagger-ui-bundle.js",
  "swagger-ui.css": "node_modules/swagger-ui-dist/swagger-ui.css",
  "graphiql-start.js": "tools/graphiql-start.js",
  "swagger-start.js": "tools/swagger-start.js",
};
mkdirSync(out, { recursive: true });
for (const [name, from] of Object.entries(files)) {
  copyFileSync(join(root, from), join(out, name));
}
console.log(`copied ${Object.keys(files).length} developer-page files into dist/vendor`);
