/**
 * Entry of the Azure Functions host (`npm run build` bundles it to dist/main.cjs, package.json
 * `main`). Importing the function table registers every Function with `app`.
 */
import "./functions/index";
