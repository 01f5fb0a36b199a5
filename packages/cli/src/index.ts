export { COMMANDS, type CommandEntry } from "./commands";
export { main } from "./main";
