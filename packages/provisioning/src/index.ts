export { deriveDeviceKey, ProvisioningError } from "./derive-key";
export { type Assignment, type RegistrationRequest, registerDevice } from "./register";
