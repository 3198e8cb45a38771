import common from "./common.json";
import nav from "./nav.json";
import roles from "./roles.json";
import auth from "./auth.json";
import errors from "./errors.json";
import validation from "./validation.json";
import home from "./home.json";
import users from "./users.json";
import regions from "./regions.json";
import audit from "./audit.json";
import shell from "./shell.json";
import elders from "./elders.json";
import assessment from "./assessment.json";
import policy from "./policy.json";

export default { common, nav, roles, auth, errors, validation, home, users, regions, audit, shell, elders, assessment, policy };
