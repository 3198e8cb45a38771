import common from "./common.json" with { type: "json" };
import nav from "./nav.json" with { type: "json" };
import roles from "./roles.json" with { type: "json" };
import auth from "./auth.json" with { type: "json" };
import errors from "./errors.json" with { type: "json" };
import validation from "./validation.json" with { type: "json" };
import home from "./home.json" with { type: "json" };
import users from "./users.json" with { type: "json" };
import regions from "./regions.json" with { type: "json" };
import audit from "./audit.json" with { type: "json" };
import shell from "./shell.json" with { type: "json" };
import elders from "./elders.json" with { type: "json" };
import assessment from "./assessment.json" with { type: "json" };
import policy from "./policy.json" with { type: "json" };
import registry from "./registry.json" with { type: "json" };
import catalogue from "./catalogue.json" with { type: "json" };
import cases from "./cases.json" with { type: "json" };
import caseDocs from "./caseDocs.json" with { type: "json" };
import tokens from "./tokens.json" with { type: "json" };
import settings from "./settings.json" with { type: "json" };
import jobs from "./jobs.json" with { type: "json" };

const messages = { common, nav, roles, auth, errors, validation, home, users, regions, audit, shell, elders, assessment, policy, registry, catalogue, cases, caseDocs, tokens, settings, jobs };

export default messages;
