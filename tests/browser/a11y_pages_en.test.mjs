// Every HTML page of the route table in English: see pages.mjs.
import "./pages.mjs?lang=en";
