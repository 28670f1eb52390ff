// Every HTML page of the route table in Welsh: see pages.mjs.
import "./pages.mjs?lang=cy";
