export * from "./edgehub/index";
